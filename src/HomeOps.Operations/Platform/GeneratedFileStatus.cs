using HomeOps.Core.Platform;

namespace HomeOps.Operations.Platform;

/// <summary>A generated file, where it lives on disk, and whether the file there matches.</summary>
public sealed record GeneratedFileStatus(GeneratedFile File, string FullPath, string DisplayPath, GeneratedFileState State);
