using HomeOps.Core.Schema;

namespace HomeOps.Core.ClusterConfig;

[ConfigObject("An S3 bucket (AWS or S3-compatible) backups are written to. Its credentials come from 1Password (see docs/platform.md).")]
public sealed record BackupTargetSettings : ConfigObject
{
    [ConfigKey("bucket", "The bucket name.", Required = true, Example = "longhorn-backups-home-ops", Format = ValueFormats.BucketName)]
    public string Bucket { get; init; } = string.Empty;

    [ConfigKey("region", "The bucket's region.", Example = "us-west-2", Format = ValueFormats.DnsLabel)]
    public string Region { get; init; } = "us-east-1";

    [ConfigKey("path", "A folder inside the bucket; empty uses the bucket root.", Example = "home-ops", Format = ValueFormats.RelativePath)]
    public string? Path { get; init; }

    [ConfigKey("endpoint", "The URL of an S3-compatible service (MinIO, Cloudflare R2, ...); leave it out for AWS S3.", Example = "https://minio.example.com:9000", Format = ValueFormats.Url)]
    public string? Endpoint { get; init; }

    /// <summary>The backup target in Longhorn's syntax: s3://bucket@region/path/.</summary>
    public string LonghornTarget => $"s3://{Bucket}@{Region}/{(string.IsNullOrEmpty(Path) ? string.Empty : Path.TrimEnd('/') + "/")}";

    /// <summary>The destination in Barman Cloud's syntax: s3://bucket/path (the region goes with the credentials).</summary>
    public string BarmanDestination => $"s3://{Bucket}/{(string.IsNullOrEmpty(Path) ? string.Empty : Path.TrimEnd('/'))}";
}
