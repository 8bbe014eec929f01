using HomeOps.Core.Platform;

namespace HomeOps.Operations.Render;

/// <summary>A generated file, where it lives on disk, and whether the file there matches.</summary>
public sealed record RenderedFile(GeneratedFile File, string FullPath, string DisplayPath, GeneratedFileState State);
