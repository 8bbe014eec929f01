using HomeOps.Core.Diagnostics;
using HomeOps.Runtime.Files;

namespace HomeOps.Runtime.Tests.Files;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PhysicalFileSystemTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("homeops-fs-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteAllTextAtomic_NewFileWithMode_HasModeAndNoTempLeftBehind()
    {
        var path = Path.Combine(_dir, "nested", "secret.yaml");
        PhysicalFileSystem.Instance.WriteAllTextAtomic(path, "key: value\n", UnixFileMode.UserRead | UnixFileMode.UserWrite);

        File.ReadAllText(path).ShouldBe("key: value\n");
        File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe([path]);
    }

    [Fact]
    public void WriteAllTextAtomic_ExistingFile_IsReplacedWhole()
    {
        var path = Path.Combine(_dir, "file.txt");
        File.WriteAllText(path, new string('x', 10_000));
        PhysicalFileSystem.Instance.WriteAllTextAtomic(path, "short");
        File.ReadAllText(path).ShouldBe("short");
    }

    [Fact]
    public void Read_MissingFile_IsDiagnosticNotException()
    {
        var bag = new DiagnosticBag();
        TextFileReader.Read(PhysicalFileSystem.Instance, Path.Combine(_dir, "none.yaml"), "none.yaml", bag).ShouldBeNull();
        bag.Items.Single().Code.ShouldBe("HO0001");
    }

    [Fact]
    public void Read_TooLarge_IsDiagnostic()
    {
        var path = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(path, new string('a', 2000));
        var bag = new DiagnosticBag();
        TextFileReader.Read(PhysicalFileSystem.Instance, path, "big.yaml", bag, maxBytes: 1000).ShouldBeNull();
        bag.Items.Single().Code.ShouldBe("HO0010");
    }

    [Fact]
    public void Read_Directory_IsUnreadableDiagnostic()
    {
        var bag = new DiagnosticBag();
        // A directory is not a file: FileExists is false, so this reports not-found rather than throwing.
        TextFileReader.Read(PhysicalFileSystem.Instance, _dir, "dir", bag).ShouldBeNull();
        bag.Items.Single().Code.ShouldBe("HO0001");
    }
}
