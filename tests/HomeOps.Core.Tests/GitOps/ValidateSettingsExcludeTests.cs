using HomeOps.Core.Diagnostics;
using HomeOps.Core.GitOps.Rules;

namespace HomeOps.Core.Tests.GitOps;

public sealed class ValidateSettingsExcludeTests
{
    [Theory]
    [InlineData("tests/Fixtures/GitOps/case/bootstrap/helmfile.d/01-apps.yaml", true)]
    [InlineData("tests/Fixtures/GitOps/Taskfile.yaml", true)]
    [InlineData("bootstrap/helmfile.d/01-apps.yaml", false)]
    [InlineData("tests/Other/Taskfile.yaml", false)]
    public void Exclude_GlobsMatchRepositoryPaths(string path, bool excluded)
    {
        var diagnostics = new DiagnosticBag();

        var settings = ValidateSettings.Parse("exclude:\n  - tests/Fixtures/GitOps/**\n", ".homeops.yaml", diagnostics);

        diagnostics.Items.ShouldBeEmpty();
        settings.IsExcluded(path).ShouldBe(excluded);
    }

    [Fact]
    public void UnknownKey_NamesExcludeAmongTheKnownOnes()
    {
        var diagnostics = new DiagnosticBag();

        ValidateSettings.Parse("exclud: [x]\n", ".homeops.yaml", diagnostics);

        diagnostics.Items.ShouldHaveSingleItem().Message.ShouldContain("exclude");
    }
}
