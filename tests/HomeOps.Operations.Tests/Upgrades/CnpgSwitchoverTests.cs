using HomeOps.Operations.Upgrades;

namespace HomeOps.Operations.Tests.Upgrades;

/// <summary>
/// Moving CloudNativePG primaries off a node before it restarts, against the fake operator acting on
/// status.targetPrimary: the primary ends on a Ready replica of another node before the call returns; a
/// one-instance cluster and a cluster without a usable replica are diagnostics.
/// </summary>
public sealed class CnpgSwitchoverTests : IAsyncLifetime
{
    private NodeStepHarness _h = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _h = await NodeStepHarness.StartAsync();
        await _h.InstallCnpgAsync();
    }

    public async ValueTask DisposeAsync() => await _h.DisposeAsync();

    private string Primary(string name) => _h.Store.Get(_h.CnpgClusters, "postgresql-system", name)!["status"]!["currentPrimary"]!.GetValue<string>();

    private string NodeOf(string pod) => _h.Store.Get(_h.Pods, "postgresql-system", pod)!["spec"]!["nodeName"]!.GetValue<string>();

    [Fact]
    public async Task MovePrimariesOff_PrimaryOnTheNode_MovesToReplicaOnAnotherNodeBeforeReturning()
    {
        _h.AddCnpgCluster("postgresql-cluster", 3);
        _h.Cnpg.SwitchoverDelay = TimeSpan.FromMilliseconds(500);
        var node = NodeOf(Primary("postgresql-cluster"));

        var diagnostics = await CnpgSwitchover.MovePrimariesOffAsync(_h.Context, node, TimeSpan.FromSeconds(20), Ct);

        diagnostics.ShouldBeEmpty();
        var primary = Primary("postgresql-cluster");
        NodeOf(primary).ShouldNotBe(node);
        _h.Server.Requests.ShouldContain(r => r.StartsWith("PATCH /apis/postgresql.cnpg.io/v1/namespaces/postgresql-system/clusters/postgresql-cluster/status", StringComparison.Ordinal));
        _h.Log.ShouldContain(l => l.Contains($"switching PostgreSQL cluster postgresql-system/postgresql-cluster over from", StringComparison.Ordinal));
        _h.Log.ShouldContain($"PostgreSQL cluster postgresql-system/postgresql-cluster: {primary} is the primary");
    }

    [Fact]
    public async Task MovePrimariesOff_PrimaryElsewhere_ChangesNothing()
    {
        _h.AddCnpgCluster("postgresql-cluster", 2);
        var primary = Primary("postgresql-cluster");
        var other = new[] { "mini01", "mini02", "mini03" }.First(n => n != NodeOf(primary));

        (await CnpgSwitchover.MovePrimariesOffAsync(_h.Context, other, TimeSpan.FromSeconds(5), Ct)).ShouldBeEmpty();

        Primary("postgresql-cluster").ShouldBe(primary);
        _h.Server.Requests.ShouldNotContain(r => r.StartsWith("PATCH ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MovePrimariesOff_SingleInstance_DiagnosticSaysWhatToDo()
    {
        _h.AddCnpgCluster("postgresql-cluster", 1);
        var primary = Primary("postgresql-cluster");
        var node = NodeOf(primary);

        var d = (await CnpgSwitchover.MovePrimariesOffAsync(_h.Context, node, TimeSpan.FromSeconds(5), Ct)).ShouldHaveSingleItem();

        d.Code.ShouldBe("HO9060");
        d.Message.ShouldBe($"PostgreSQL cluster postgresql-system/postgresql-cluster has one instance and its primary {primary} runs on {node}: there is no replica to switch over to, so upgrading {node} stops the database");
        d.Hint!.ShouldContain("spec.instances: 2 or more");
        _h.Server.Requests.ShouldNotContain(r => r.StartsWith("PATCH ", StringComparison.Ordinal));
        Primary("postgresql-cluster").ShouldBe(primary);
    }

    [Fact]
    public async Task MovePrimariesOff_ReplicasOnCordonedNodes_NoCandidate()
    {
        _h.AddCnpgCluster("postgresql-cluster", 3);
        var node = NodeOf(Primary("postgresql-cluster"));
        foreach (var other in new[] { "mini01", "mini02", "mini03" }.Where(n => n != node))
        {
            (await NodeDrain.CordonAsync(_h.Context, other, Ct)).ShouldBeEmpty();
        }

        var d = (await CnpgSwitchover.MovePrimariesOffAsync(_h.Context, node, TimeSpan.FromSeconds(5), Ct)).ShouldHaveSingleItem();

        d.Code.ShouldBe("HO9061");
        d.Message.ShouldContain("is cordoned");
    }

    [Fact]
    public async Task MovePrimariesOff_OperatorSlowerThanTheTimeout_HO9062WithWhatTheClusterSays()
    {
        _h.AddCnpgCluster("postgresql-cluster", 2);
        _h.Cnpg.SwitchoverDelay = TimeSpan.FromSeconds(30);
        var node = NodeOf(Primary("postgresql-cluster"));

        var d = (await CnpgSwitchover.MovePrimariesOffAsync(_h.Context, node, TimeSpan.FromSeconds(1), Ct)).ShouldHaveSingleItem();

        d.Code.ShouldBe("HO9062");
        d.Message.ShouldBe("PostgreSQL cluster postgresql-system/postgresql-cluster did not switch over to postgresql-cluster-2 within 1 s: "
            + "currentPrimary is postgresql-cluster-1, targetPrimary postgresql-cluster-2, phase 'Switchover in progress'");
    }

    [Fact]
    public async Task MovePrimariesOff_StatusWrittenMeanwhile_PatchedAgainFromAFreshRead()
    {
        _h.AddCnpgCluster("postgresql-cluster", 2);
        var node = NodeOf(Primary("postgresql-cluster"));
        _h.Server.Faults.ConflictNext(1, "/clusters/postgresql-cluster/status");

        (await CnpgSwitchover.MovePrimariesOffAsync(_h.Context, node, TimeSpan.FromSeconds(10), Ct)).ShouldBeEmpty();

        _h.Server.Requests.Count(r => r.StartsWith("PATCH /apis/postgresql.cnpg.io/v1/namespaces/postgresql-system/clusters/postgresql-cluster/status", StringComparison.Ordinal)).ShouldBe(2);
        NodeOf(Primary("postgresql-cluster")).ShouldNotBe(node);
    }
}
