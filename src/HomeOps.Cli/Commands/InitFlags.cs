using System.Net;
using HomeOps.Core.ClusterConfig.Init;
using HomeOps.Core.Networking;

namespace HomeOps.Cli.Commands;

/// <summary>The answers of `homeops init` as flags, for scripts; each one a key of the answers file.</summary>
internal sealed class InitFlags
{
    private readonly Option<string?> _name = new("--name") { Description = "Cluster name (clusterName)" };
    private readonly Option<string?> _domain = new("--domain") { Description = "Your public domain (domain)" };
    private readonly Option<string?> _repository = new("--repository") { Description = "The GitHub repository Flux pulls, your fork (repository)" };
    private readonly Option<IpNetwork?> _nodeNetwork = Network("--node-network", "The IPv4 network of the nodes, e.g. 10.20.0.0/24 (nodeNetwork)");
    private readonly Option<int?> _vlan = new("--vlan") { Description = "The VLAN of the node network, if any (vlan)" };
    private readonly Option<IPAddress?> _router = Address("--router", "The router's address: gateway and BGP peer (router; default the first address)");
    private readonly Option<long?> _routerAsn = new("--router-asn") { Description = "The router's BGP ASN (routerAsn; default 64513)" };
    private readonly Option<string[]> _nodes = new("--node") { Description = "A node as NAME=ADDRESS (repeat for each; node)" };
    private readonly Option<string?> _installDisk = new("--install-disk") { Description = "Install disk of every node: a model glob or key=value pairs (installDisk; default APPLE*)" };
    private readonly Option<string?> _tunnel = new("--tunnel-id") { Description = "Cloudflare Tunnel ID (cloudflareTunnelId)" };
    private readonly Option<string?> _interface = new("--interface") { Description = "The nodes' network interface (interface; default enp3s0f0)" };
    private readonly Option<IpNetwork?> _ipv6Prefix = Network("--ipv6-prefix", "A unique local /48 to carve IPv6 networks from (ipv6Prefix; default random)");
    private readonly Option<IPAddress?> _vip = Address("--api-vip", "The Kubernetes API address (apiVip; default derived)");
    private readonly Option<IpNetwork?> _lbNetwork = Network("--lb-network", "IPv4 /24 for LoadBalancer addresses (loadBalancerNetwork; default the /24 after the node network)");
    private readonly Option<long?> _clusterAsn = new("--cluster-asn") { Description = "The cluster's ASN (clusterAsn; default 64512)" };
    private readonly Option<string?> _dataDisk = new("--data-disk-model") { Description = "Model of the Longhorn data disk (dataDiskModel; default Portable SSD T5)" };

    public IEnumerable<Option> All => [_name, _domain, _repository, _nodeNetwork, _vlan, _router, _routerAsn, _nodes, _installDisk, _tunnel, _interface, _ipv6Prefix, _vip, _lbNetwork, _clusterAsn, _dataDisk];

    public InitAnswers Read(ParseResult parse) => new()
    {
        ClusterName = parse.GetValue(_name),
        Domain = parse.GetValue(_domain),
        Repository = parse.GetValue(_repository),
        NodeNetwork = parse.GetValue(_nodeNetwork),
        Vlan = parse.GetValue(_vlan),
        Router = parse.GetValue(_router),
        RouterAsn = parse.GetValue(_routerAsn),
        Nodes = parse.GetValue(_nodes) is { Length: > 0 } nodes ? [.. nodes.Select(ParseNode)] : null,
        InstallDisk = parse.GetValue(_installDisk),
        CloudflareTunnelId = parse.GetValue(_tunnel),
        Interface = parse.GetValue(_interface),
        Ipv6Prefix = parse.GetValue(_ipv6Prefix),
        ApiVip = parse.GetValue(_vip),
        LoadBalancerNetwork = parse.GetValue(_lbNetwork),
        ClusterAsn = parse.GetValue(_clusterAsn),
        DataDiskModel = parse.GetValue(_dataDisk),
    };

    public void AddValidators()
    {
        _nodes.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Select(t => t.Value).Where(t => TryParseNode(t) is null))
            {
                result.AddError($"--node '{token}' is not NAME=ADDRESS (e.g. node01=10.20.0.11)");
            }
        });
    }

    private static InitNode ParseNode(string text) => TryParseNode(text)!;

    private static InitNode? TryParseNode(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && IpAddressMath.TryParseAddress(text[(equals + 1)..], out var address)
            ? new InitNode { Name = text[..equals], Address = address }
            : null;
    }

    private static Option<IpNetwork?> Network(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (IpNetwork.TryParse(token, out var network))
            {
                return network;
            }

            result.AddError($"{name} '{token}' is not a network in CIDR notation (address/prefix)");
            return null;
        },
    };

    private static Option<IPAddress?> Address(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (IpAddressMath.TryParseAddress(token, out var address))
            {
                return address;
            }

            result.AddError($"{name} '{token}' is not an IP address");
            return null;
        },
    };
}
