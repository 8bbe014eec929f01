namespace HomeOps.Runtime.Files;

/// <summary>A file as a listing sees it: its path, size and last write time, from one look at the disk.</summary>
public readonly record struct FileStamp(string Path, long Size, DateTime LastWriteTimeUtc);
