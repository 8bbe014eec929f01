using System.Text.Json.Nodes;
using HomeOps.Runtime.OnePassword;
using HomeOps.Fakes.Programs;

namespace HomeOps.Runtime.Tests.OnePassword;

public sealed class OnePasswordCliTests
{
    private const string Secret = "cluster:\n    id: c2VjcmV0\n";

    [Fact]
    public void GetItemSpec_AsksForJsonWithRevealedFields()
    {
        var spec = OnePasswordCli.GetItemSpec("op", "Talos Secrets - home-ops", "Automation");
        spec.Arguments.ShouldBe(["item", "get", "Talos Secrets - home-ops", "--vault", "Automation", "--format", "json", "--reveal"]);
        spec.StandardInput.ShouldBeNull();
    }

    [Fact]
    public void CreateItemSpec_SendsTheSecretOnStandardInputOnly()
    {
        var template = OnePasswordCli.Template("T", "notes", new Dictionary<string, string> { ["talsecret"] = Secret });
        var spec = OnePasswordCli.CreateItemSpec("op", "Automation", template, [Secret]);
        spec.Arguments.ShouldBe(["item", "create", "--vault", "Automation", "--format", "json", "-"]);
        spec.Arguments.ShouldNotContain(a => a.Contains("c2VjcmV0", StringComparison.Ordinal));
        spec.StandardInput.ShouldBe(template);
        spec.Secrets.ShouldContain(Secret);
        spec.Display().ShouldNotContain("c2VjcmV0");
    }

    [Fact]
    public void EditItemSpec_TargetsTheItemId()
    {
        OnePasswordCli.EditItemSpec("op", "abc123", "Automation", "{}", []).Arguments.ShouldBe(["item", "edit", "abc123", "--vault", "Automation", "--format", "json", "-"]);
    }

    [Fact]
    public void Template_IsASecureNoteWithAConcealedField()
    {
        var json = JsonNode.Parse(OnePasswordCli.Template("Talos Secrets - x", "what it is", new Dictionary<string, string> { ["talsecret"] = Secret }))!;
        ((string?)json["category"]).ShouldBe("SECURE_NOTE");
        var field = json["fields"]!.AsArray().Single(f => (string?)f!["label"] == "talsecret")!;
        ((string?)field["type"]).ShouldBe("CONCEALED");
        ((string?)field["value"]).ShouldBe(Secret);
    }

    [Fact]
    public async Task GetItem_UnknownItem_IsNull()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        (await cli.GetItemAsync("nothing", "Automation", TestContext.Current.CancellationToken)).ShouldBeNull();
        op.Calls.ShouldHaveSingleItem().ShouldBe(["item", "get", "nothing", "--vault", "Automation", "--format", "json", "--reveal"]);
    }

    [Fact]
    public async Task CreateThenGet_ReturnsTheStoredField()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        var template = OnePasswordCli.Template("Talos Secrets - home-ops", "notes", new Dictionary<string, string> { ["talsecret"] = Secret });
        var created = await cli.CreateItemAsync("Automation", template, [Secret], TestContext.Current.CancellationToken);
        created.Title.ShouldBe("Talos Secrets - home-ops");
        var read = await cli.GetItemAsync("Talos Secrets - home-ops", "Automation", TestContext.Current.CancellationToken);
        read!.Field("talsecret")!.Value.ShouldBe(Secret);
        read.Vault.ShouldBe("Automation");
    }

    [Fact]
    public async Task Edit_ReplacesTheFields()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        var first = await cli.CreateItemAsync("Automation", OnePasswordCli.Template("T", "n", new Dictionary<string, string> { ["talsecret"] = "one" }), [], TestContext.Current.CancellationToken);
        await cli.EditItemAsync(first.Id, "Automation", OnePasswordCli.Template("T", "n", new Dictionary<string, string> { ["talsecret"] = "two" }), [], TestContext.Current.CancellationToken);
        op.Vaults.Items("Automation").Count.ShouldBe(1);
        (await cli.GetItemAsync("T", "Automation", TestContext.Current.CancellationToken))!.Field("talsecret")!.Value.ShouldBe("two");
    }

    [Fact]
    public async Task UnknownVault_FailsWithOpsMessage()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        var e = await Should.ThrowAsync<OnePasswordException>(() => cli.GetItemAsync("x", "Private", TestContext.Current.CancellationToken));
        e.Message.ShouldBe("\"Private\" isn't a vault in this account. Specify the vault with its ID or name.");
        e.Kind.ShouldBe(OnePasswordFailure.VaultNotFound);
    }

    [Fact]
    public async Task GetDocument_UnknownVault_IsVaultNotFoundNotAMissingDocument()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        (await cli.GetDocumentAsync("creds", "Automation", TestContext.Current.CancellationToken)).ShouldBeNull();
        var e = await Should.ThrowAsync<OnePasswordException>(() => cli.GetDocumentAsync("creds", "Automaton", TestContext.Current.CancellationToken));
        e.Kind.ShouldBe(OnePasswordFailure.VaultNotFound);
    }

    [Fact]
    public async Task GetItem_TitleTwoItemsShare_AmbiguousWithBothIds()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        var template = OnePasswordCli.Template("T", "n", new Dictionary<string, string> { ["talsecret"] = Secret });
        var one = await cli.CreateItemAsync("Automation", template, [Secret], TestContext.Current.CancellationToken);
        var two = await cli.CreateItemAsync("Automation", template, [Secret], TestContext.Current.CancellationToken);

        var e = await Should.ThrowAsync<OnePasswordException>(() => cli.GetItemAsync("T", "Automation", TestContext.Current.CancellationToken));

        one.Id.ShouldNotBe(two.Id);
        e.Kind.ShouldBe(OnePasswordFailure.AmbiguousItem);
        e.CandidateIds.ShouldBe([one.Id, two.Id]);
        (await cli.GetItemAsync(two.Id, "Automation", TestContext.Current.CancellationToken))!.Id.ShouldBe(two.Id);
    }

    [Fact]
    public async Task SignedOut_FailsWithOpsMessage()
    {
        using var op = new FakeOpProcess("Automation") { SignedOut = true };
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        var e = await Should.ThrowAsync<OnePasswordException>(() => cli.GetItemAsync("x", "Automation", TestContext.Current.CancellationToken));
        e.Message.ShouldContain("not currently signed in");
    }

    [Fact]
    public async Task FailureOutput_NeverContainsTheSecret()
    {
        using var op = new FakeOpProcess("Automation");
        var cli = new OnePasswordCli(op, FakeOpProcess.Program);
        var e = await Should.ThrowAsync<OnePasswordException>(() => cli.CreateItemAsync("Missing", OnePasswordCli.Template("T", "n", new Dictionary<string, string> { ["talsecret"] = Secret }), [Secret], TestContext.Current.CancellationToken));
        e.Message.ShouldNotContain("c2VjcmV0");
        e.Result!.Spec.Display().ShouldNotContain("c2VjcmV0");
    }
}
