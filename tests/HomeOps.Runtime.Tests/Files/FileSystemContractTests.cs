using HomeOps.Runtime.Files;
using HomeOps.Testing;

namespace HomeOps.Runtime.Tests.Files;

/// <summary>
/// One set of cases for both file systems, so the in-memory one used by Operations tests refuses what the disk
/// refuses, with the same exception types.
/// </summary>
public abstract class FileSystemContractTests
{
    protected abstract IFileSystem Files { get; }

    /// <summary>An existing empty folder to work in.</summary>
    protected abstract string Root { get; }

    private string At(params string[] parts) => Path.Combine([Root, .. parts]);

    [Fact]
    public void StampFilesBelow_ListsEveryFileWithItsSizeAndTime_AndSkipsTheNamedFoldersAtAnyDepth()
    {
        Files.WriteAllTextAtomic(At("top.yaml"), "a: 1\n");
        Files.WriteAllTextAtomic(At(".hidden"), "x\n");
        Files.WriteAllTextAtomic(At("apps", "demo", "values.yaml"), "replicas: 2\n");
        Files.WriteAllTextAtomic(At("node_modules", "pkg", "index.js"), "skipped\n");
        Files.WriteAllTextAtomic(At("apps", "obj", "build.json"), "skipped\n");

        var stamps = Files.StampFilesBelow(Root, name => name is "node_modules" or "obj").OrderBy(s => s.Path, StringComparer.Ordinal).ToList();

        stamps.Select(s => Path.GetRelativePath(Root, s.Path).Replace('\\', '/')).ShouldBe([".hidden", "apps/demo/values.yaml", "top.yaml"]);
        foreach (var stamp in stamps)
        {
            stamp.Size.ShouldBe(Files.FileSize(stamp.Path));
            stamp.LastWriteTimeUtc.ShouldBe(Files.LastWriteTimeUtc(stamp.Path));
        }

        Files.StampFilesBelow(At("missing"), _ => false).ShouldBeEmpty();
    }

    [Fact]
    public void WriteAllTextAtomic_MissingFolders_AreCreatedAndTheTextReadsBack()
    {
        Files.WriteAllTextAtomic(At("a", "b", "c.yaml"), "key: välue\n");

        Files.ReadAllText(At("a", "b", "c.yaml")).ShouldBe("key: välue\n");
        Files.FileSize(At("a", "b", "c.yaml")).ShouldBe(12);
        Files.DirectoryExists(At("a", "b")).ShouldBeTrue();
        Files.FileExists(At("a", "b")).ShouldBeFalse();
    }

    [Fact]
    public void WriteAllBytesAtomic_BytesThatAreNotText_ReadBackUnchanged_AndReplaceTheOldContent()
    {
        Files.WriteAllTextAtomic(At("pack", "p.bin"), "old text that is longer\n");
        byte[] bytes = [0x00, 0xFF, 0xC3, 0x28, 0x80, 0x0A, 0x48];

        Files.WriteAllBytesAtomic(At("pack", "p.bin"), bytes);

        Files.ReadAllBytes(At("pack", "p.bin")).ShouldBe(bytes);
        Files.FileSize(At("pack", "p.bin")).ShouldBe(bytes.Length);
        Files.EnumerateFiles(At("pack"), "*", recursive: false).Select(Path.GetFileName).ShouldBe(["p.bin"]);
        Should.Throw<IOException>(() => Files.WriteAllBytesAtomic(At("pack"), bytes));
    }

    [Fact]
    public void ReadAllText_MissingFileOrFolder_ThrowsTheDiskExceptions()
    {
        Should.Throw<FileNotFoundException>(() => Files.ReadAllText(At("none.yaml")));
        Should.Throw<DirectoryNotFoundException>(() => Files.ReadAllText(At("none", "x.yaml")));
        Should.Throw<UnauthorizedAccessException>(() => Files.ReadAllText(Root));
    }

    [Fact]
    public void CreateDirectory_WhereAFileStands_IsRefused()
    {
        Files.WriteAllTextAtomic(At("file"), "x");

        Should.Throw<IOException>(() => Files.CreateDirectory(At("file", "sub")));
        Should.Throw<IOException>(() => Files.WriteAllTextAtomic(At("file", "sub.yaml"), "y"));
    }

    [Fact]
    public void DeleteFile_MissingFileIsNothing_MissingFolderIsRefused()
    {
        Files.DeleteFile(At("none.yaml"));

        Should.Throw<DirectoryNotFoundException>(() => Files.DeleteFile(At("none", "x.yaml")));
    }

    [Fact]
    public void EnumerateFiles_PatternAndDepth_AsAsked()
    {
        Files.WriteAllTextAtomic(At("k", "kustomization.yaml"), "a");
        Files.WriteAllTextAtomic(At("k", "notes.md"), "b");
        Files.WriteAllTextAtomic(At("k", "sub", "release.yaml"), "c");

        Files.EnumerateFiles(At("k"), "*.yaml", recursive: false).ShouldBe([At("k", "kustomization.yaml")]);
        Files.EnumerateFiles(At("k"), "*.yaml", recursive: true).Order(StringComparer.Ordinal)
            .ShouldBe([At("k", "kustomization.yaml"), At("k", "sub", "release.yaml")]);
        Files.EnumerateDirectories(At("k")).ShouldBe([At("k", "sub")]);
        Files.EnumerateFiles(At("none"), "*", recursive: true).ShouldBeEmpty();
    }

    [Fact]
    public void DeleteDirectory_TakesEverythingBelow_AndMissingIsNothing()
    {
        Files.WriteAllTextAtomic(At("d", "e", "f.txt"), "x");

        Files.DeleteDirectory(At("d"));
        Files.DeleteDirectory(At("d"));

        Files.DirectoryExists(At("d")).ShouldBeFalse();
        Files.FileExists(At("d", "e", "f.txt")).ShouldBeFalse();
    }

    [Fact]
    public void TryLock_SecondLockWhileHeld_IsNullUntilReleased()
    {
        var path = At("worktree.lock");
        var first = Files.TryLock(path).ShouldNotBeNull();
        Files.FileExists(path).ShouldBeTrue();

        Files.TryLock(path).ShouldBeNull();
        first.Dispose();
        using var again = Files.TryLock(path);
        again.ShouldNotBeNull();
    }

    [Fact]
    public void IsExecutable_OnlyAFileWithAnExecuteBit()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix file modes");
        Files.WriteAllTextAtomic(At("tool"), "#!/bin/sh\n", UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Files.WriteAllTextAtomic(At("notes.txt"), "x", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Files.IsExecutable(At("tool")).ShouldBeTrue();
        Files.IsExecutable(At("notes.txt")).ShouldBeFalse();
        Files.IsExecutable(At("none")).ShouldBeFalse();
        Files.IsExecutable(Root).ShouldBeFalse();
    }

    [Fact]
    public void LastWriteTimeUtc_MissingFile_IsFileTimeZero()
    {
        Files.LastWriteTimeUtc(At("none")).ShouldBe(DateTime.FromFileTimeUtc(0));
    }
}

public sealed class PhysicalFileSystemContractTests : FileSystemContractTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("homeops-fs-contract-").FullName;

    protected override IFileSystem Files => PhysicalFileSystem.Instance;

    protected override string Root => _root;

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

public sealed class InMemoryFileSystemContractTests : FileSystemContractTests
{
    private readonly InMemoryFileSystem _files = new();

    public InMemoryFileSystemContractTests() => _files.CreateDirectory(Root);

    protected override IFileSystem Files => _files;

    protected override string Root => "/work/repo";
}
