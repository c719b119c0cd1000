using Mono.Cecil;
using Mono.Cecil.Cil;
using Sked.Workflows.Web.Features;

namespace Sked.Workflows.Architecture.Tests;

/// <summary>
/// A feature (a folder under Web/Features) uses another feature only through its use cases — the
/// types a use-case class nests beside its Handler (Request, Response, Outcome…), e.g. SubmitCase.Handler — or through a type the other
/// feature offers on purpose with <see cref="FeatureContractAttribute"/>. Everything else in a feature
/// is its own business and may change without breaking its neighbours.
/// </summary>
public sealed class FeatureBoundaryTests
{
    private const string FeaturesNamespace = "Sked.Workflows.Web.Features.";

    [Fact]
    public void Features_UseEachOtherOnlyThroughUseCasesAndContracts()
    {
        using var module = ModuleDefinition.ReadModule(typeof(UseCases).Assembly.Location);
        var trespasses = module.Types.SelectMany(AllTypes)
            .Where(t => FeatureOf(t) is not null)
            .SelectMany(t => References(t).Select(r => (From: t, To: r)))
            .Where(p => FeatureOf(p.To) is { } target && target != FeatureOf(p.From) && !IsOffered(p.To))
            .Select(p => $"{Outer(p.From).FullName} uses {p.To.FullName}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(trespasses.Count == 0, "Features reach into each other's internals:\n" + string.Join("\n", trespasses));
    }

    [Fact]
    public void TheCheck_SeesAFeatureUsingAnotherFeaturesHelper()
    {
        // Keeps the rule above honest: a handler's own helper type is not on offer.
        using var module = ModuleDefinition.ReadModule(typeof(UseCases).Assembly.Location);
        var submitCase = module.Types.SelectMany(AllTypes).Single(t => t.FullName == FeaturesNamespace + "Cases.SubmitCase");

        Assert.Equal("Cases", FeatureOf(submitCase));
        Assert.False(IsOffered(submitCase.Module.Types.SelectMany(AllTypes).First(t => FeatureOf(t) == "Cases" && !IsOffered(t))));
        Assert.True(IsOffered(submitCase.NestedTypes.Single(n => n.Name == "Handler")));
    }

    /// <summary>The feature folder a type belongs to ("Tasks", "StaffArea"…), or null outside Features.</summary>
    private static string? FeatureOf(TypeReference type)
    {
        var outer = Outer(type);
        return outer.Namespace.StartsWith(FeaturesNamespace, StringComparison.Ordinal)
            ? outer.Namespace[FeaturesNamespace.Length..].Split('.')[0]
            : null;
    }

    private static bool IsOffered(TypeReference reference)
    {
        var type = reference.Resolve();
        if (type is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.DeclaringType)
        {
            if (current.CustomAttributes.Any(a => a.AttributeType.Name == nameof(FeatureContractAttribute)))
            {
                return true;
            }
        }

        // A use case's surface: the types it nests beside its Handler (Request, Response, Outcome…) and the class itself.
        return type.DeclaringType is { } useCase && useCase.NestedTypes.Any(n => n.Name == "Handler")
            || type.NestedTypes.Any(n => n.Name == "Handler");
    }

    private static TypeReference Outer(TypeReference type)
    {
        var current = type.GetElementType();
        while (current.DeclaringType is not null)
        {
            current = current.DeclaringType;
        }

        return current;
    }

    private static IEnumerable<TypeDefinition> AllTypes(TypeDefinition type) => [type, .. type.NestedTypes.SelectMany(AllTypes)];

    /// <summary>Every type a type's signatures and method bodies name.</summary>
    private static List<TypeReference> References(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        void Add(TypeReference? reference)
        {
            switch (reference)
            {
                case null:
                    return;
                case GenericInstanceType generic:
                    Add(generic.ElementType);
                    generic.GenericArguments.ToList().ForEach(Add);
                    return;
                case TypeSpecification specification:
                    Add(specification.ElementType);
                    return;
                default:
                    found.Add(reference);
                    return;
            }
        }

        Add(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Add(i.InterfaceType));
        type.Fields.ToList().ForEach(f => Add(f.FieldType));
        type.Properties.ToList().ForEach(p => Add(p.PropertyType));
        foreach (var method in type.Methods)
        {
            Add(method.ReturnType);
            method.Parameters.ToList().ForEach(p => Add(p.ParameterType));
            if (!method.HasBody)
            {
                continue;
            }

            method.Body.Variables.ToList().ForEach(v => Add(v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                AddOperand(instruction, Add);
            }
        }

        return found;
    }

    private static void AddOperand(Instruction instruction, Action<TypeReference?> add)
    {
        switch (instruction.Operand)
        {
            case TypeReference type:
                add(type);
                break;
            case MethodReference method:
                add(method.DeclaringType);
                add(method.ReturnType);
                break;
            case FieldReference field:
                add(field.DeclaringType);
                add(field.FieldType);
                break;
        }
    }
}
