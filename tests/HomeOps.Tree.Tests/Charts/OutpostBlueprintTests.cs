using HomeOps.Core.Yaml;
using HomeOps.Tree.Tests.Tree;

namespace HomeOps.Tree.Tests.Charts;

/// <summary>
/// The outpost's part of the blueprint, entry by entry, as Authentik 2025.6.4's code requires it (docs/services.md,
/// "The outpost's token, as Authentik creates it", cites the files and lines). Paths below are goauthentik/authentik
/// at version/2025.6.4.
/// </summary>
public sealed class OutpostBlueprintTests
{
    [Fact]
    public async Task Blueprint_OutpostEntries_ComeInTheOrderAuthentikNeeds()
    {
        var blueprint = await RenderAsync();
        var models = blueprint.Entries.Select(e => e.Text("model")).ToList();
        var outpost = models.IndexOf("authentik_outposts.outpost");
        var token = models.IndexOf("authentik_core.token");
        var providers = Indexes(blueprint, e => e.Text("model") == "authentik_providers_proxy.proxyprovider" && e.Text("state") is null);
        var grants = Indexes(blueprint, e => e.Text("model") == "authentik_providers_proxy.proxyprovider" && e.Text("state") == "created");

        // importer.py resolves an entry's tags when it reaches it: the outpost's !KeyOf needs its providers before it,
        // the token's !Find needs the service account the outpost's post_save created (signals.py 52-67).
        providers.Count.ShouldBe(6);
        providers.ShouldAllBe(i => i < outpost);
        token.ShouldBe(outpost + 1);
        grants.ShouldBe(Enumerable.Range(token + 1, providers.Count));
        grants.Select(i => blueprint.Entries[i].Text("identifiers", "name"))
            .ShouldBe(providers.Select(i => blueprint.Entries[i].Text("identifiers", "name")));

        // users.py 215-218: no entry may touch the internal service account Authentik makes of it.
        models.ShouldNotContain("authentik_core.user");
    }

    [Fact]
    public async Task Blueprint_OutpostEntry_HasWhatTheSerializerReadsOnEveryApply()
    {
        var blueprint = await RenderAsync();
        var outpost = blueprint.Entries.Single(e => e.Text("model") == "authentik_outposts.outpost");

        // A fixed pk (importer.py 334-338 keeps it on a new object) names the account and token before they exist.
        Guid.TryParse(outpost.Text("identifiers", "pk"), out _).ShouldBeTrue();
        outpost.Text("identifiers", "pk").ShouldBe(outpost.Text("identifiers", "pk")!.ToLowerInvariant());
        // outposts/api/outposts.py 67-86: type is read from the entry's data; an empty provider list is refused.
        outpost.Text("attrs", "type").ShouldBe("proxy");
        outpost.Items("attrs", "providers").ShouldNotBeEmpty();
        var permission = outpost.Items("permissions").Single();
        permission.Text("permission").ShouldBe("view_outpost");
        EntryText(blueprint, outpost).ShouldContain($"user: !Find [authentik_core.user, [username, \"{ServiceAccount(outpost)}\"]]");
    }

    [Fact]
    public async Task Blueprint_TokenEntry_IsTheTokenOutpostTokenLooksFor()
    {
        var blueprint = await RenderAsync();
        var outpost = blueprint.Entries.Single(e => e.Text("model") == "authentik_outposts.outpost");
        var token = blueprint.Entries.Single(e => e.Text("model") == "authentik_core.token");
        var uuid = outpost.Text("identifiers", "pk")!;

        // models.py 375-404: identifier ak-outpost-<pk with dashes>-api, intent api and the managed value are the
        // lookup; a token missing any of them would clash and be deleted and replaced with a random key.
        token.Entries("identifiers").Select(e => e.Key.Value).ShouldBe(["identifier"]);
        token.Text("identifiers", "identifier").ShouldBe($"ak-outpost-{uuid}-api");
        token.Text("attrs", "intent").ShouldBe("api");
        token.Text("attrs", "managed").ShouldBe($"goauthentik.io/outpost/ak-outpost-{uuid}-api");
        // models.py 397: Authentik's own token never expires (an expiring api token has its key rotated).
        token.Text("attrs", "expiring").ShouldBe("false");
        // tokens.py 39-42: the key is writable in a blueprint; here it is the 1Password value.
        token.Text("attrs", "key").ShouldBe("sample-outpostToken");
        // tokens.py 44-58: user and intent must be given, and the user is the account the outpost created.
        EntryText(blueprint, token).ShouldContain($"user: !Find [authentik_core.user, [username, \"{ServiceAccount(outpost)}\"]]");
    }

    [Fact]
    public async Task Blueprint_ProviderGrants_GiveTheAccountViewAccessToEveryProxiedProvider()
    {
        var blueprint = await RenderAsync();
        var outpost = blueprint.Entries.Single(e => e.Text("model") == "authentik_outposts.outpost");
        var providers = blueprint.Entries.Where(e => e.Text("model") == "authentik_providers_proxy.proxyprovider" && e.Text("state") is null)
            .ToDictionary(e => e.Text("identifiers", "name")!, StringComparer.Ordinal);
        var grants = blueprint.Entries.Where(e => e.Text("state") == "created").ToList();

        grants.Count.ShouldBe(providers.Count);
        foreach (var grant in grants)
        {
            var provider = providers[grant.Text("identifiers", "name")!];
            // proxy/api.py 58-67: validated even though nothing is saved (importer.py 412-436), so mode and
            // internal_host are the provider's own.
            grant.Entries("attrs").Select(e => e.Key.Value).ShouldBe(["mode", "internal_host"]);
            grant.Text("attrs", "mode").ShouldBe(provider.Text("attrs", "mode"));
            grant.Text("attrs", "internal_host").ShouldBe(provider.Text("attrs", "internal_host"));
            grant.Items("permissions").Single().Text("permission").ShouldBe("view_proxyprovider");
            EntryText(blueprint, grant).ShouldContain($"user: !Find [authentik_core.user, [username, \"{ServiceAccount(outpost)}\"]]");
        }
    }

    [Fact]
    public async Task Blueprint_NoProxiedService_HasNoOutpost()
    {
        // An outpost without providers is refused (outposts/api/outposts.py 84-85), so none is declared.
        var values = """
            services:
              - name: grafana
                displayName: Grafana
                internalUrl: http://grafana.monitoring.svc:80
                externalHost: grafana
                mode: oidc
                groups: [authentik Admins]
                oidc:
                  clientId: grafana
                  redirectPath: /login/generic_oauth
                  clientSecret: {item: grafana-oidc, property: credential}
            """;
        var blueprint = await RenderAsync(values);
        blueprint.Entries.Select(e => e.Text("model")).ShouldNotContain("authentik_outposts.outpost");
        blueprint.Entries.Select(e => e.Text("model")).ShouldNotContain("authentik_core.token");
    }

    /// <summary>models.py 296-299: the account is named after the pk without dashes.</summary>
    private static string ServiceAccount(YamlMapping outpost) =>
        "ak-outpost-" + outpost.Text("identifiers", "pk")!.Replace("-", string.Empty, StringComparison.Ordinal);

    private static string EntryText(Blueprint blueprint, YamlMapping entry) => blueprint.EntryTexts[IndexOf(blueprint, entry)];

    private static int IndexOf(Blueprint blueprint, YamlMapping entry)
    {
        for (var i = 0; i < blueprint.Entries.Count; i++)
        {
            if (ReferenceEquals(blueprint.Entries[i], entry))
            {
                return i;
            }
        }

        throw new InvalidOperationException("entry not in blueprint");
    }

    private static List<int> Indexes(Blueprint blueprint, Func<YamlMapping, bool> predicate) =>
        [.. Enumerable.Range(0, blueprint.Entries.Count).Where(i => predicate(blueprint.Entries[i]))];

    private static async Task<Blueprint> RenderAsync(string? values = null)
    {
        var result = await HelmChart.TemplateAsync("authentik-proxy-config", "authentik-proxy-config", "authentik", values, "domain=k8s.example.net");
        result.ExitCode.ShouldBe(0, result.StandardError);
        return Blueprint.From(result.StandardOutput);
    }
}
