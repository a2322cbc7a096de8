package dev.tandem.connectors;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The user activity reports AWS delivers to an S3 bucket: for one day, every object under {@code
 * PREFIX/AWSLogs/ACCOUNT/<logs>/by_user_analytic/REGION/YYYY/MM/DD/} (one file, or parts of 1,000
 * users each), each imported as one batch of {@code q-developer-csv}. Credentials: the access key
 * id setting with the secret access key, else the SDK's default chain.
 */
abstract class S3ReportConnector extends DescribedConnector {

  /** The folder under the account: QDeveloperLogs or KiroLogs. */
  abstract String logs();

  /** {@code key} and {@code name}: the subclass's connector. */
  S3ReportConnector(String key, String name) {
    super(
        key,
        name,
        "q-developer-csv",
        "",
        "secret access key (empty: the default credential chain)",
        List.of(
            new Setting("bucket", "Bucket", "the S3 bucket the reports are delivered to"),
            new Setting("prefix", "Prefix", "the prefix set for the reports (may be empty)"),
            new Setting("account-id", "AWS account id", "the account under AWSLogs/"),
            new Setting("region", "Region", "the region of the profile and bucket, e.g. us-east-1"),
            new Setting(
                "access-key-id", "Access key id", "with the secret; empty: default chain")));
  }

  String dayPrefix(Source source, LocalDate day) {
    String prefix = source.config().setting("prefix");
    return (prefix == null ? "" : prefix.replaceAll("^/+|/+$", "") + "/")
        + "AWSLogs/"
        + source.requireSetting("account-id")
        + "/"
        + logs()
        + "/by_user_analytic/"
        + source.requireSetting("region")
        + "/"
        + String.format("%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
  }

  S3Client client(Source source) {
    var b =
        S3Client.builder()
            .region(Region.of(source.requireSetting("region")))
            .credentialsProvider(credentials(source))
            .overrideConfiguration(
                ClientOverrideConfiguration.builder()
                    .apiCallAttemptTimeout(source.settings().readTimeout())
                    .build());
    if (source.baseUrl() != null && !source.baseUrl().isBlank()) {
      URI endpoint = URI.create(source.baseUrl());
      if (!"https".equalsIgnoreCase(endpoint.getScheme()) && !source.settings().allowHttp()) {
        throw new VendorException(0, "only https endpoints are allowed, not " + endpoint);
      }
      b.endpointOverride(endpoint).forcePathStyle(true);
    }
    return b.build();
  }

  private static AwsCredentialsProvider credentials(Source source) {
    String id = source.config().setting("access-key-id");
    if (id == null || source.secret() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, source.secret()));
  }

  @Override
  public List<Payload> fetch(Source source, LocalDate day) {
    String bucket = source.requireSetting("bucket");
    try (S3Client s3 = client(source)) {
      List<S3Object> objects = new ArrayList<>();
      String token = null;
      do {
        ListObjectsV2Response page =
            s3.listObjectsV2(
                ListObjectsV2Request.builder()
                    .bucket(bucket)
                    .prefix(dayPrefix(source, day))
                    .continuationToken(token)
                    .build());
        objects.addAll(page.contents());
        token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
      } while (token != null);
      List<Payload> files = new ArrayList<>();
      for (S3Object o : objects) {
        if (o.key().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
          byte[] body = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray();
          files.add(new Payload(o.key().substring(o.key().lastIndexOf('/') + 1), body));
        }
      }
      return files;
    } catch (S3Exception e) {
      throw new VendorException(
          e.statusCode(),
          "S3 "
              + e.statusCode()
              + ": "
              + (e.awsErrorDetails() == null
                  ? e.getMessage()
                  : e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage()));
    } catch (SdkException e) {
      throw new VendorException(0, "S3: " + e.getMessage());
    }
  }

  @Override
  public void test(Source source) {
    try (S3Client s3 = client(source)) {
      s3.listObjectsV2(
          ListObjectsV2Request.builder()
              .bucket(source.requireSetting("bucket"))
              .prefix(dayPrefix(source, source.today()).replaceAll("\\d{4}/\\d{2}/\\d{2}/$", ""))
              .maxKeys(1)
              .build());
    } catch (S3Exception e) {
      throw new VendorException(
          e.statusCode(),
          "S3 "
              + e.statusCode()
              + ": "
              + (e.awsErrorDetails() == null
                  ? e.getMessage()
                  : e.awsErrorDetails().errorMessage()));
    } catch (SdkException e) {
      throw new VendorException(0, "S3: " + e.getMessage());
    }
  }
}
