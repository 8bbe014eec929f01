namespace HomeOps.Core.Platform;

/// <summary>One key of the cluster-settings ConfigMap: a ${Name} Flux substitutes, its value, and where the value comes from.</summary>
public sealed record SettingVariable(string Name, string Value, string Source);
