using HomeOps.Core.Secrets;

namespace HomeOps.Core.Tests.Secrets;

/// <summary>What the MCP server's mask keeps: the names, references and placeholders an assistant needs.</summary>
public sealed class SecretMaskerTests
{
    [Theory]
    [InlineData("tolerations:\n  - key: node-role.kubernetes.io/control-plane\n    operator: Exists\n")]
    [InlineData("admin:\n  existingSecret: grafana-admin\n  secretName: grafana-tls\n")]
    [InlineData("password: ${POSTGRES_PASSWORD}\ntoken: <secret:machine.token>\n")]
    [InlineData("secret:\n  secretName: db\n")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: debug\n")]
    [InlineData("DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app see https://example.test:8443/path and git@github.com:me/repo\n")]
    [InlineData("cluster.yaml:20:3: error HO1001: Unknown key 'vlann' in 'network'\n  hint: Did you mean 'vlan'?\n")]
    public void MaskText_NothingSecret_Unchanged(string text) => SecretMasker.MaskText(text).ShouldBe(text);

    [Fact]
    public void MaskText_SecretDocument_MasksEveryValueUnderDataAndKeepsTheKeys()
    {
        var text = "apiVersion: v1\ndata:\n  username: YWRtaW4=\nkind: Secret\nstringData:\n  config.yaml: |\n    dsn: x\n";

        SecretMasker.MaskText(text).ShouldBe("apiVersion: v1\ndata:\n  username: ***\nkind: Secret\nstringData:\n  config.yaml: ***\n    dsn: ***\n");
    }

    [Fact]
    public void MaskJson_SecretInsideAnnotationString_IsMaskedToo()
    {
        var text = """{"kind":"ConfigMap","metadata":{"annotations":{"last":"{\"kind\":\"Secret\",\"data\":{\"k\":\"dmFsdWU=\"}}"}},"data":{"a":"b"}}""";

        var masked = SecretMasker.MaskText(text);

        masked.ShouldNotContain("dmFsdWU=");
        masked.ShouldContain("\"a\":\"b\"");
    }

    [Theory]
    [InlineData("connect postgres://ha:hunter2-db@db.home.svc:5432/ha ok\n", "connect postgres://ha:***@db.home.svc:5432/ha ok\n")] // secretlint-disable-line -- a made-up password the masker must hide
    [InlineData("redis://:r3dis-pass@redis:6379/0", "redis://:***@redis:6379/0")]
    [InlineData("mqtt url mqtt://homeassistant:mq-pass-7@mosquitto.home:1883", "mqtt url mqtt://homeassistant:***@mosquitto.home:1883")] // secretlint-disable-line -- a made-up password the masker must hide
    public void MaskText_PasswordInAUrl_MaskedAndTheUserAndHostKept(string text, string expected) =>
        SecretMasker.MaskText(text).ShouldBe(expected);
}
