namespace Sked.Workflows.Web.Features;

/// <summary>
/// Marks a type a feature offers to other features on purpose (besides its use cases' Handler and
/// Request). The architecture tests refuse any other use of a feature's types from outside it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum, Inherited = false)]
public sealed class FeatureContractAttribute : Attribute;
