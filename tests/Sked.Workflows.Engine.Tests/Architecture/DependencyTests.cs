using System.Reflection;
using NetArchTest.Rules;
using Sked.Workflows.Domain.Cases;
using Sked.Workflows.Engine.Runtime;
using Sked.Workflows.Infrastructure.Workflows;

namespace Sked.Workflows.Engine.Tests.Architecture;

/// <summary>Domain → Engine → Infrastructure → Web: a wrong using fails here rather than in review.</summary>
public sealed class DependencyTests
{
    private static readonly Assembly Domain = typeof(CaseFile).Assembly;
    private static readonly Assembly Engine = typeof(Interpreter).Assembly;
    private static readonly Assembly Infrastructure = typeof(EngineRunner).Assembly;

    [Fact]
    public void Domain_DependsOnNoOuterLayer()
    {
        AssertNoDependency(Domain, "Sked.Workflows.Engine", "Sked.Workflows.Infrastructure", "Sked.Workflows.Web");
    }

    [Fact]
    public void Engine_DependsOnNeitherInfrastructureNorWebNorEntityFramework()
    {
        AssertNoDependency(Engine, "Sked.Workflows.Infrastructure", "Sked.Workflows.Web", "Microsoft.EntityFrameworkCore");
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnWeb()
    {
        AssertNoDependency(Infrastructure, "Sked.Workflows.Web");
    }

    [Fact]
    public void DependencyCheck_OnALayerThatUsesTheEngine_SeesTheDependency()
    {
        // Keeps the rules above honest: the same check must notice a dependency that does exist.
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Sked.Workflows.Engine").GetResult();

        Assert.False(result.IsSuccessful);
    }

    private static void AssertNoDependency(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{assembly.GetName().Name} must not use {string.Join(", ", forbidden)}; these types do: "
            + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
