using System.Globalization;
using System.Net;
using HomeOps.Core.ClusterConfig.Init;
using HomeOps.Core.Networking;
using HomeOps.Core.Schema;
using Spectre.Console;

namespace HomeOps.Cli.Commands;

/// <summary>
/// The questions of `homeops init` in a terminal: only those the flags and the answers file left open, each with a
/// default where one can be derived, and each answer checked when it is entered (the formats cluster.yaml uses; the
/// whole file is checked again before it is written).
/// </summary>
internal sealed class InitPrompts(IAnsiConsole console)
{
    public InitAnswers Ask(InitAnswers given)
    {
        console.MarkupLine("[bold]homeops init[/]: a few questions about your cluster; press Enter to take the [green]default[/].");
        var name = given.ClusterName ?? Text("Cluster name", "home-ops", Format(ValueFormats.DnsLabel));
        var domain = given.Domain ?? Text("Public domain (served through Cloudflare)", null, Format(ValueFormats.DomainName));
        var repository = given.Repository ?? Text("GitHub repository Flux pulls (your fork)", null, Format(ValueFormats.GitUrl));
        var network = given.NodeNetwork ?? ParseNetwork(Text("Node network (IPv4 CIDR)", null, CheckNetwork));
        var vlan = given.Vlan ?? (Text("VLAN of the node network (empty for none)", string.Empty, CheckVlan) is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : null);
        var router = given.Router ?? IPAddress.Parse(Text("Router address (gateway and BGP peer)", AddressPlan.Offset(network.Canonical, 1).ToString(), a => InNetwork(a, network, [])));
        var routerAsn = given.RouterAsn ?? long.Parse(Text("Router BGP ASN", AddressPlan.DefaultRouterAsn.ToString(CultureInfo.InvariantCulture), CheckAsn), CultureInfo.InvariantCulture);
        var vip = given.ApiVip ?? AddressPlan.ApiVip(network.Canonical, [router]);
        var disk = given.InstallDisk ?? Text("Install disk of the nodes (model glob, or key=value pairs)", ClusterInit.DefaultInstallDisk, CheckDisk);
        var nodes = given.Nodes ?? AskNodes(network, [router, .. vip is null ? Array.Empty<IPAddress>() : [vip]], vip);
        var tunnel = given.CloudflareTunnelId ?? Text("Cloudflare Tunnel ID ('cloudflared tunnel create <name>' prints it)", null, Format(ValueFormats.Uuid));
        return new InitAnswers
        {
            ClusterName = name, Domain = domain, Repository = repository, NodeNetwork = network, Vlan = vlan, Router = router,
            RouterAsn = routerAsn, ApiVip = vip, InstallDisk = disk, Nodes = nodes, CloudflareTunnelId = tunnel,
        }.Over(given);
    }

    public bool Confirm(string question) => console.Prompt(new ConfirmationPrompt(question) { DefaultValue = false });

    private List<InitNode> AskNodes(IpNetwork network, IReadOnlyList<IPAddress> reserved, IPAddress? vip)
    {
        var count = int.Parse(Text("How many nodes", "3", c => int.TryParse(c, out var n) && n is >= 1 and <= 64 ? null : "a number from 1 to 64"), CultureInfo.InvariantCulture);
        var nodes = new List<InitNode>();
        for (var i = 1; i <= count; i++)
        {
            var taken = nodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
            var nodeName = Text($"Node {i} name", $"node{i:00}", n => Format(ValueFormats.DnsLabel)(n) ?? (taken.Contains(n) ? "another node has this name" : null));
            var used = reserved.Concat(nodes.Select(n => n.Address)).ToList();
            var suggestion = vip is null ? null : ClusterInit.SuggestNodeAddress(network, vip, used)?.ToString();
            var address = Text($"Node {i} ({nodeName}) address", suggestion, a => InNetwork(a, network, used));
            nodes.Add(new InitNode { Name = nodeName, Address = IPAddress.Parse(address) });
        }

        return nodes;
    }

    private string Text(string question, string? defaultValue, Func<string, string?> check)
    {
        var prompt = new TextPrompt<string>(question);
        if (defaultValue is not null)
        {
            prompt.DefaultValue(defaultValue);
            if (defaultValue.Length == 0)
            {
                prompt.AllowEmpty();
            }
        }

        prompt.Validate(value => check(value.Trim()) is { } error ? ValidationResult.Error($"[red]{Markup.Escape(error)}[/]") : ValidationResult.Success());
        return console.Prompt(prompt).Trim();
    }

    private static Func<string, string?> Format(string name)
    {
        var format = ValueFormats.Get(name);
        return value => format.Check(value) is { } problem ? $"'{value}' {problem}" : null;
    }

    private static string? CheckNetwork(string value) =>
        !IpNetwork.TryParse(value, out var network) || network.IsIPv6 ? "an IPv4 network such as 10.20.0.0/24"
        : !network.IsCanonical ? $"that is not the network address; did you mean {network.Canonical}?"
        : null;

    private static string? CheckVlan(string value) =>
        value.Length == 0 || (int.TryParse(value, out var vlan) && vlan is >= 1 and <= 4094) ? null : "a VLAN number from 1 to 4094, or empty";

    private static string? CheckAsn(string value) =>
        long.TryParse(value, out var asn) && (asn is >= 64512 and <= 65534 || asn is >= 4200000000 and <= 4294967294) ? null
        : "a private ASN: 64512-65534 or 4200000000-4294967294";

    private static string? CheckDisk(string value) => InstallDiskSpec.Parse(value, out var error) is null ? error : null;

    private static string? InNetwork(string value, IpNetwork network, IReadOnlyList<IPAddress> used) =>
        !IpAddressMath.TryParseAddress(value, out var address) ? "an IPv4 address"
        : !network.Contains(address) ? $"{address} is not in the node network {network}"
        : used.Any(u => u.Equals(address)) ? $"{address} is already used (router, API VIP or another node)"
        : null;

    private static IpNetwork ParseNetwork(string text) => IpNetwork.TryParse(text, out var network) ? network : throw new FormatException(text);
}
