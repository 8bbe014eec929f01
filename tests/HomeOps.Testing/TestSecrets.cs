using HomeOps.Core.Talos.Secrets;
using Microsoft.Extensions.Time.Testing;

namespace HomeOps.Testing;

/// <summary>
/// The fixed test secrets bundle: generated from a seed at a fixed time on first use (RSA-4096 takes a moment), never
/// stored in the repository, and identical on every run, so golden files and hashes of rendered configs are stable.
/// </summary>
public static class TestSecrets
{
    public static readonly DateTimeOffset GeneratedAt = new(2025, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<TalosSecretsBundle> s_bundle = new(() => Generate("homeops-test-bundle"));

    public static TalosSecretsBundle Bundle => s_bundle.Value;

    public static TalosSecretsBundle Generate(string seed) =>
        new SecretsBundleGenerator(new SeededRandomSource(seed), new FakeTimeProvider(GeneratedAt)).Generate();

    public static string Yaml => SecretsBundleYaml.Write(Bundle);
}
