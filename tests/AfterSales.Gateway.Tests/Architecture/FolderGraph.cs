using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AfterSales.Gateway.Tests.Architecture;

/// <summary>
/// Which gateway folder uses which, read from the compiled assemblies: every type a type's signatures, attributes
/// and method bodies mention. A folder is the first namespace level under <c>AfterSales.Gateway</c>
/// (<c>AfterSales.Gateway.Panels.Dc09</c> is <c>Panels</c>); the root namespace and <c>Program</c> are <c>(root)</c>.
/// Another project inside src/Gateway (the simulator) counts as one folder named after it.
/// </summary>
internal sealed class FolderGraph
{
    public const string Root = "(root)";
    private const string Prefix = "AfterSales.Gateway";

    private readonly Dictionary<string, Dictionary<string, SortedSet<string>>> _edges = new(StringComparer.Ordinal);

    public IEnumerable<string> Folders => _edges.Keys;

    public static FolderGraph Of(params string[] assemblyPaths)
    {
        var graph = new FolderGraph();
        foreach (var path in assemblyPaths)
        {
            using var assembly = AssemblyDefinition.ReadAssembly(path);

            // A project inside src/Gateway (the simulator) is one folder, its Program included.
            var project = assembly.Name.Name == Prefix ? null : assembly.Name.Name[(Prefix.Length + 1)..];
            foreach (var type in assembly.MainModule.Types)
            {
                if ((project ?? FolderOf(type)) is { } from && (project is null || FolderOf(type) is not null))
                {
                    graph.Visit(from, type, type);
                }
            }
        }

        return graph;
    }

    public void Add(string from, string to, string because)
    {
        var targets = Edges(from);
        Edges(to);
        if (from != to)
        {
            if (!targets.TryGetValue(to, out var reasons))
            {
                targets[to] = reasons = new SortedSet<string>(StringComparer.Ordinal);
            }

            reasons.Add(because);
        }
    }

    public bool DependsOn(string from, string to) => _edges.TryGetValue(from, out var targets) && targets.ContainsKey(to);

    /// <summary>Strongly connected groups of more than one folder (Tarjan), each with the edges that bind it.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var found = new List<string>();
        foreach (var node in _edges.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Connect(node, index, low, stack, found);
            }
        }

        return found;
    }

    private void Connect(string node, Dictionary<string, int> index, Dictionary<string, int> low, Stack<string> stack, List<string> found)
    {
        index[node] = low[node] = index.Count;
        stack.Push(node);
        foreach (var next in _edges[node].Keys)
        {
            if (!index.TryGetValue(next, out var seen))
            {
                Connect(next, index, low, stack, found);
                low[node] = Math.Min(low[node], low[next]);
            }
            else if (stack.Contains(next))
            {
                low[node] = Math.Min(low[node], seen);
            }
        }

        if (low[node] != index[node])
        {
            return;
        }

        var group = new SortedSet<string>(StringComparer.Ordinal);
        string member;
        do
        {
            member = stack.Pop();
            group.Add(member);
        }
        while (member != node);

        if (group.Count > 1)
        {
            var edges = group.SelectMany(from => _edges[from].Where(e => group.Contains(e.Key))
                .Select(e => $"  {from} -> {e.Key}: {string.Join(", ", e.Value.Take(4))}"));
            found.Add($"cycle of {group.Count}: {string.Join(", ", group)}\n{string.Join("\n", edges)}");
        }
    }

    private Dictionary<string, SortedSet<string>> Edges(string folder)
    {
        if (!_edges.TryGetValue(folder, out var targets))
        {
            _edges[folder] = targets = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        }

        return targets;
    }

    private void Visit(string from, TypeDefinition owner, TypeDefinition type)
    {
        void Use(TypeReference? used) => Reference(from, owner, used);

        Use(type.BaseType);
        type.Interfaces.ToList().ForEach(i => Use(i.InterfaceType));
        type.CustomAttributes.ToList().ForEach(a => Use(a.AttributeType));
        type.Fields.ToList().ForEach(f => Use(f.FieldType));
        type.Properties.ToList().ForEach(p => Use(p.PropertyType));
        foreach (var method in type.Methods)
        {
            Use(method.ReturnType);
            method.Parameters.ToList().ForEach(p => Use(p.ParameterType));
            method.CustomAttributes.ToList().ForEach(a => Use(a.AttributeType));
            if (!method.HasBody)
            {
                continue;
            }

            method.Body.Variables.ToList().ForEach(v => Use(v.VariableType));
            foreach (var instruction in method.Body.Instructions)
            {
                Operand(instruction, Use);
            }
        }

        foreach (var nested in type.NestedTypes)
        {
            Visit(from, owner, nested);
        }
    }

    private static void Operand(Instruction instruction, Action<TypeReference?> use)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                use(t);
                break;
            case MethodReference m:
                use(m.DeclaringType);
                use(m.ReturnType);
                m.Parameters.ToList().ForEach(p => use(p.ParameterType));
                if (m is GenericInstanceMethod g)
                {
                    g.GenericArguments.ToList().ForEach(use);
                }

                break;
            case FieldReference f:
                use(f.DeclaringType);
                use(f.FieldType);
                break;
        }
    }

    private void Reference(string from, TypeDefinition owner, TypeReference? used)
    {
        switch (used)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Reference(from, owner, generic.ElementType);
                generic.GenericArguments.ToList().ForEach(a => Reference(from, owner, a));
                return;
            case TypeSpecification spec:
                Reference(from, owner, spec.ElementType);
                return;
        }

        var outer = used;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        if (FolderOf(outer) is { } to)
        {
            Add(from, to, $"{owner.Name}->{outer.Name}");
        }
    }

    private static string? FolderOf(TypeReference type)
    {
        if (type.Namespace.Length == 0)
        {
            // Top-level statements compile to Program in the global namespace; everything else there is compiler-made.
            return type.Name == "Program" ? Root : null;
        }

        if (type.Namespace == Prefix)
        {
            return Root;
        }

        return type.Namespace.StartsWith(Prefix + ".", StringComparison.Ordinal)
            ? type.Namespace[(Prefix.Length + 1)..].Split('.')[0]
            : null;
    }
}
