using Mono.Cecil;
using Mono.Cecil.Cil;

namespace AfterSales.Cloud.Tests.Architecture;

/// <summary>
/// Reads which types each type of an assembly names — in its signatures, attributes and method
/// bodies — from the compiled IL, so nothing a source-level scan could miss (a fully qualified
/// name, a lambda, a generated state machine) escapes the architecture rules.
/// </summary>
internal static class TypeDependencies
{
    /// <summary>For every top-level type of the assembly: the full names of the types it uses.</summary>
    public static IReadOnlyDictionary<TypeDefinition, HashSet<string>> Of(string assemblyPath)
    {
        var module = ModuleDefinition.ReadModule(assemblyPath);
        var result = new Dictionary<TypeDefinition, HashSet<string>>();
        foreach (var type in module.GetTypes())
        {
            var owner = Outermost(type);
            if (!result.TryGetValue(owner, out var used))
            {
                result[owner] = used = new HashSet<string>(StringComparer.Ordinal);
            }

            Collect(type, used);
        }

        return result;
    }

    /// <summary>Nested and compiler-generated types (closures, state machines) count as their outer type.</summary>
    public static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static void Collect(TypeDefinition type, HashSet<string> used)
    {
        Add(type.BaseType, used);
        foreach (var i in type.Interfaces)
        {
            Add(i.InterfaceType, used);
        }

        Attributes(type.CustomAttributes, used);
        foreach (var f in type.Fields)
        {
            Add(f.FieldType, used);
            Attributes(f.CustomAttributes, used);
        }

        foreach (var p in type.Properties)
        {
            Add(p.PropertyType, used);
            Attributes(p.CustomAttributes, used);
        }

        foreach (var m in type.Methods)
        {
            Method(m, used);
        }
    }

    private static void Method(MethodDefinition m, HashSet<string> used)
    {
        Add(m.ReturnType, used);
        Attributes(m.CustomAttributes, used);
        foreach (var p in m.Parameters)
        {
            Add(p.ParameterType, used);
        }

        foreach (var g in m.GenericParameters)
        {
            foreach (var c in g.Constraints)
            {
                Add(c.ConstraintType, used);
            }
        }

        if (!m.HasBody)
        {
            return;
        }

        foreach (var v in m.Body.Variables)
        {
            Add(v.VariableType, used);
        }

        foreach (var instruction in m.Body.Instructions)
        {
            Operand(instruction, used);
        }
    }

    private static void Operand(Instruction instruction, HashSet<string> used)
    {
        switch (instruction.Operand)
        {
            case TypeReference t:
                Add(t, used);
                break;
            case MethodReference method:
                Add(method.DeclaringType, used);
                Add(method.ReturnType, used);
                foreach (var p in method.Parameters)
                {
                    Add(p.ParameterType, used);
                }

                if (method is GenericInstanceMethod generic)
                {
                    foreach (var a in generic.GenericArguments)
                    {
                        Add(a, used);
                    }
                }

                break;
            case FieldReference field:
                Add(field.DeclaringType, used);
                Add(field.FieldType, used);
                break;
        }
    }

    private static void Attributes(IEnumerable<CustomAttribute> attributes, HashSet<string> used)
    {
        foreach (var a in attributes)
        {
            Add(a.AttributeType, used);
            foreach (var arg in a.ConstructorArguments)
            {
                if (arg.Value is TypeReference t)
                {
                    Add(t, used);
                }
            }
        }
    }

    private static void Add(TypeReference? type, HashSet<string> used)
    {
        switch (type)
        {
            case null or GenericParameter:
                return;
            case GenericInstanceType generic:
                Add(generic.ElementType, used);
                foreach (var a in generic.GenericArguments)
                {
                    Add(a, used);
                }

                return;
            case TypeSpecification spec:
                Add(spec.ElementType, used);
                return;
        }

        // A nested type is named by its outer type's namespace.
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }

        used.Add(outer.Namespace + "." + outer.Name);
    }
}
