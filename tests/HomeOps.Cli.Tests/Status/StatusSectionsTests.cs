namespace HomeOps.Cli.Tests.Status;

/// <summary>
/// The Talos, cert-manager, External Secrets and 1Password Connect sections end to end: fake talosctl asked about
/// all nodes at once, the fake API server's service proxy in front of Connect's /health.
/// </summary>
public sealed class StatusSectionsTests
{
    [Fact]
    public async Task Status_Talos_FourTalosctlCallsForAllNodes()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        var calls = fixture.Commands.Calls.ToList();
        calls.Count.ShouldBe(4, string.Join("\n", calls));
        calls.ShouldAllBe(c => c.Contains("--nodes 172.29.51.11,172.29.51.12,172.29.51.13", StringComparison.Ordinal));
        result.Out.ShouldContain("XX  Talos volume u-longhorn-ssd on 172.29.51.13 is missing: volume not found: no disk matched the selector (model: Portable SSD T5) (HO6173)");
        result.Out.ShouldMatch(@"ok  node/mini01\s+172\.29\.51\.11, Talos v1\.10\.5; etcd member 3a6f1c2d5e4b0001 \(leader\) healthy, db 31 MB; 3 volume\(s\) ready\n");
    }

    [Fact]
    public async Task Status_TalosNodeUnreachable_NamesItAndWarnsAboutQuorum()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        fixture.TalosNodes[1].Reachable = false;

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("Talos [unknown] 2/3 node(s) answered; etcd 2/3 member(s) healthy", customMessage: "a node that does not answer is not known to be down");
        result.Out.ShouldMatch(@"\?\?  node/mini02\s+172\.29\.51\.12 did not answer: 172\.29\.51\.12: rpc error: code = Unavailable .*no route to host");
        result.Out.ShouldContain("!!  etcd: 2 of 3 control-plane member(s) healthy; one more failed member loses quorum (HO6172)");
    }

    [Fact]
    public async Task Status_EtcdAlarmAndMemberErrors_AreRootCauses()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.HealTalos();
        fixture.TalosNodes[0].EtcdAlarms.Add("NOSPACE");
        fixture.TalosNodes[2].EtcdErrors = "etcdserver: mvcc: database space exceeded";

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("XX  etcd member 3a6f1c2d5e4b0001 on 172.29.51.11 raised alarm NOSPACE (HO6171)");
        result.Out.ShouldContain("XX  etcd member 3a6f1c2d5e4b0003 on 172.29.51.13 reports: etcdserver: mvcc: database space exceeded (HO6170)");
        result.Out.ShouldContain("XX  etcd: 1 of 3 control-plane member(s) healthy; quorum (2) is lost: the API server cannot write (HO6172)");
    }

    [Fact]
    public async Task Status_TalosctlMissing_OneLineAndTheOtherSectionsPrint()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.Commands.Missing.Add("talosctl");

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("Talos [unknown] could not ask\n  ??  'talosctl version' failed: talosctl is not installed (run 'mise install'; 'homeops tools' shows what is missing) (HO6011)\n");
        result.Out.ShouldContain("Kubernetes [unhealthy]");
    }

    [Fact]
    public async Task Status_CertManagerNotInstalled_OneLine()
    {
        await using var fixture = await StatusFixture.StartAsync("cluster", "certificates");

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("Certificates [absent] not installed\n  --  cert-manager is not installed: the API server does not serve certificates.cert-manager.io (HO6006)\n");
        result.Out.ShouldContain("External Secrets [unhealthy] 15/16 ExternalSecret(s) synced");
    }

    [Fact]
    public async Task Status_ExternalSecretsNotInstalled_OneLine()
    {
        await using var fixture = await StatusFixture.StartAsync("cluster", "externalsecrets");

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("External Secrets [absent] not installed\n  --  External Secrets is not installed: the API server does not serve externalsecrets.external-secrets.io (HO6006)\n");
    }

    [Fact]
    public async Task Status_ConnectTokenNeeded_IsUnhealthy()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.ConnectHealth = """{"name":"1Password Connect API","version":"1.7.3","dependencies":[{"service":"sync","status":"TOKEN_NEEDED"},{"service":"sqlite","status":"ACTIVE","message":"Connected to a sqlite database"}]}""";

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("1Password Connect [unhealthy] 1Password Connect API 1.7.3 at service onepassword-connect/onepassword-connect:8080; 1/2 dependencies active\n  XX  1Password Connect 1.7.3 reports sync TOKEN_NEEDED (HO6160)");
        fixture.ProxyRequests.ShouldBe(1);
    }

    [Fact]
    public async Task Status_ConnectWithoutEndpoints_SaysWhatTheApiServerSaid()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.Server.ServiceBackends.Clear();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("1Password Connect [unknown] could not ask\n  ??  Could not reach service onepassword-connect/onepassword-connect:8080: GET /health through the API server's service proxy answered HTTP 503: no endpoints available for service \"onepassword-connect\" (HO6012)");
    }

    [Fact]
    public async Task Status_ConnectServiceMissing_NotInstalled()
    {
        await using var fixture = await StatusFixture.StartAsync("cluster", "services");

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("1Password Connect [absent] not installed\n  --  1Password Connect is not installed: there is no Service onepassword-connect/onepassword-connect (HO6161)");
        fixture.ProxyRequests.ShouldBe(0);
    }

    [Fact]
    public async Task Status_CnpgReplication_AskedOfThePrimaryOverTls_OnceForTheCluster()
    {
        await using var fixture = await StatusFixture.StartAsync();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldMatch(@"!!  replication/postgresql-system/postgresql-cluster\s+replication: 1/2 standby\(s\) streaming; replay lag postgresql-cluster-2 0\.25s; postgresql-cluster-3 not running\n");
        result.Out.ShouldNotContain("(HO6134)", customMessage: "the failed instance is the cluster line's root cause (HO6130), said once");
        fixture.Server.Requests.Count(r => r.Contains("/pods/", StringComparison.Ordinal) && r.Contains("/proxy/", StringComparison.Ordinal))
            .ShouldBe(1, "one request for the one CNPG cluster, to its primary");
        fixture.Server.Requests.ShouldContain(r => r.Contains("/pods/https:postgresql-cluster-1:8000/proxy/pg/status", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_CnpgReplicationLagAboveFiveMinutes_Unhealthy()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.PrimaryStatus = fixture.PrimaryStatus.Replace("\"replayLag\":\"00:00:00.25\"", "\"replayLag\":\"00:07:10.5\"", StringComparison.Ordinal);

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("XX  postgresql-system/postgresql-cluster: standby postgresql-cluster-2 replays 7m behind the primary (a warning above 30s, critical above 5m, as the tree's CNPGReplicationLag alerts) (HO6133)");
    }

    [Fact]
    public async Task Status_CnpgPrimaryNotListening_OneUnknownLine_TheRestPrints()
    {
        await using var fixture = await StatusFixture.StartAsync();
        fixture.Server.PodBackends.Clear();

        var result = await fixture.RunAsync("status", "--kubeconfig", fixture.Kubeconfig);

        result.Out.ShouldContain("postgresql-system/postgresql-cluster: replication lag not read from pod postgresql-system/postgresql-cluster-1:8000: GET /pg/status through the API server's pod proxy answered HTTP 503: error trying to reach service: dial tcp 10.42.0.31:8000: connect: connection refused (HO6135)");
        result.Out.ShouldContain("backup/postgresql-system/postgresql-cluster");
        result.ExitCode.ShouldBe(1);
    }
}
