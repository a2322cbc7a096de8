CREATE TABLE tool (
    tool_key           VARCHAR(50) PRIMARY KEY,
    name               VARCHAR(100) NOT NULL,
    vendor             VARCHAR(100) NOT NULL,
    kind               VARCHAR(20) NOT NULL,
    asks_approval      BOOLEAN NOT NULL,
    active             BOOLEAN DEFAULT TRUE NOT NULL,
    CONSTRAINT tool_kind CHECK (kind IN ('assistant', 'agent', 'both')),
    CONSTRAINT tool_key_format CHECK (tool_key = LOWER(tool_key))
);

INSERT INTO tool (tool_key, name, vendor, kind, asks_approval, active) VALUES
    ('copilot', 'GitHub Copilot', 'GitHub', 'both', TRUE, TRUE),
    ('q-developer', 'Amazon Q Developer', 'Amazon Web Services', 'both', TRUE, TRUE),
    ('kiro', 'Kiro', 'Amazon Web Services', 'agent', TRUE, TRUE),
    ('cursor', 'Cursor', 'Anysphere', 'both', TRUE, TRUE),
    ('claude-code', 'Claude Code', 'Anthropic', 'agent', TRUE, TRUE);
