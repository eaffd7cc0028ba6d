using Mono.Cecil;

namespace AfterSales.Cloud.Tests.Architecture;

/// <summary>The rules of docs/architecture.md, checked on the compiled cloud assembly.</summary>
public sealed class ModuleDependencyTests
{
    private static readonly Lazy<IReadOnlyDictionary<TypeDefinition, HashSet<string>>> Dependencies =
        new(() => TypeDependencies.Of(typeof(AfterSales.Cloud.Storage.CloudDb).Assembly.Location));

    [Fact]
    public void Modules_UseOnlyModulesBelowThem()
    {
        var wrong = new List<string>();
        foreach (var (type, used) in Dependencies.Value)
        {
            var from = CloudModules.ModuleOf(type.Namespace);
            if (from is null or "(composition root)" || !CloudModules.Order.Contains(from))
            {
                continue;
            }

            var rank = Rank(from);
            wrong.AddRange(used
                .Select(u => (Type: u, Module: CloudModules.ModuleOfType(u)))
                .Where(u => u.Module is not null && u.Module != from && u.Module != "(composition root)" && Rank(u.Module) > rank)
                .Select(u => $"{from} -> {u.Module}: {type.Name} uses {u.Type}"));
        }

        Assert.True(wrong.Count == 0, "Dependencies pointing up the module order (docs/architecture.md):\n" + string.Join('\n', wrong.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void EveryModule_HasItsPlaceInTheOrder()
    {
        var unplaced = Dependencies.Value.Keys
            .Select(t => CloudModules.ModuleOf(t.Namespace))
            .Where(m => m is not null and not "(composition root)" && !CloudModules.Order.Contains(m))
            .Distinct()
            .ToList();
        Assert.True(unplaced.Count == 0, "Folders of src/Cloud missing from the module order: " + string.Join(", ", unplaced));
    }

    [Fact]
    public void NothingBelowTheHost_UsesTheCompositionRoot()
    {
        var wrong = Dependencies.Value
            .Where(kv => CloudModules.ModuleOf(kv.Key.Namespace) is { } m && m != "(composition root)" && CloudModules.Order.Contains(m))
            .SelectMany(kv => kv.Value.Where(u => CloudModules.ModuleOfType(u) == "(composition root)").Select(u => $"{kv.Key.FullName} uses {u}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>Unknown modules rank above everything, so a dependency on one is reported rather than allowed.</summary>
    private static int Rank(string module) =>
        Array.IndexOf(CloudModules.Order, module) is var i and >= 0 ? i : int.MaxValue;
}
