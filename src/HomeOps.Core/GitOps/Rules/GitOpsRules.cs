using HomeOps.Core.Diagnostics;

namespace HomeOps.Core.GitOps.Rules;

/// <summary>Every rule `homeops validate` runs, in order; diagnostics are sorted afterwards.</summary>
public static class GitOpsRules
{
    public static IReadOnlyList<IGitOpsRule> All { get; } =
    [
        new SchemaRule(),
        new NamespaceRule(),
        new KustomizationSpecRules(),
        new DependencyRules(),
        new CrdProviderRule(),
        new SecretStoreRule(),
        new StorageClassRule(),
        new IngressRule(),
        new HelmSourceRule(),
        new LoadBalancerRule(),
        new LoadBalancerFamilyRule(),
        new SubstitutionVariablesRule(),
        new UnreferencedFileRule(),
        new SecretScanRule(),
        new ImageRule(),
        new DuplicateObjectRule(),
        new FluxSelfManagedRule(),
        new SecretConflictRule(),
        new JobRule(),
        new SourceRules(),
        new RecurringJobRule(),
        new ClusterConfigAgreementRule(),
        new PrometheusRuleRule(),
        new PodSecurityRule(),
        new ChartValuesRule(),
        new PlaceholderRule(),
        new TaskfileRule(),
        new HelmInstallRule(),
        new ChartInstalledTwiceRule(),
    ];

    public static IReadOnlyList<Diagnostic> Run(RuleContext context) => [.. All.SelectMany(r => r.Check(context))];
}
