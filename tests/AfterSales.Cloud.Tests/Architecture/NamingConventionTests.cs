using Mono.Cecil;

namespace AfterSales.Cloud.Tests.Architecture;

/// <summary>Names tell pure code from I/O (docs/architecture.md, "Names tell pure code from I/O").</summary>
public sealed class NamingConventionTests
{
    private static readonly string[] PureSuffixes = ["Rules", "Policy", "Planner", "Builder", "Composer", "Judge", "Calculator"];

    private static readonly string[] IoSuffixes = ["Store", "Service", "Worker", "Api", "Client", "Server"];

    /// <summary>Names the frameworks fix: EF mappings, table accessors, auth handlers, service wiring.</summary>
    private static readonly string[] FrameworkSuffixes = ["Configuration", "Tables", "Handler", "Registration"];

    /// <summary>Types whose use means a class talks to a database, a network, a file or a background loop.</summary>
    private static readonly string[] IoTypePrefixes =
    [
        "AfterSales.Cloud.Storage.CloudDb",
        "Microsoft.EntityFrameworkCore.IDbContextFactory",
        "Microsoft.EntityFrameworkCore.DbContext",
        "MQTTnet.IMqttClient",
        "MQTTnet.Server.",
        "MailKit.",
        "System.Net.Mail.",
        "System.Net.Http.HttpClient",
        "System.Net.Sockets.Socket",
        "System.Net.Sockets.TcpClient",
        "System.Net.Sockets.TcpListener",
        "System.IO.File",
        "System.IO.Directory",
        "Microsoft.Extensions.Hosting.BackgroundService",
        "Microsoft.Extensions.Logging.ILogger",
    ];

    private static readonly Lazy<IReadOnlyDictionary<TypeDefinition, HashSet<string>>> Dependencies =
        new(() => TypeDependencies.Of(typeof(AfterSales.Cloud.Storage.CloudDb).Assembly.Location));

    [Fact]
    public void PureNamedTypes_DoNoIo()
    {
        var wrong = ModuleTypes()
            .Where(kv => PureSuffixes.Any(s => kv.Key.Name.EndsWith(s, StringComparison.Ordinal)))
            .SelectMany(kv => IoUses(kv.Value).Select(u => $"{kv.Key.FullName} is named as pure but uses {u}"))
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void TypesThatDoIo_SayItInTheirName()
    {
        var wrong = ModuleTypes()
            .Where(kv => !IoSuffixes.Concat(FrameworkSuffixes).Any(s => kv.Key.Name.EndsWith(s, StringComparison.Ordinal)))
            .Where(kv => IoUses(kv.Value).Any())
            .Select(kv => $"{kv.Key.FullName} does I/O ({string.Join(", ", IoUses(kv.Value).Take(2))}) but its name does not end in {string.Join('/', IoSuffixes)}")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    /// <summary>The modules below the host; storage is the database adapter itself and is left out.</summary>
    private static IEnumerable<KeyValuePair<TypeDefinition, HashSet<string>>> ModuleTypes()
    {
        var host = CloudModules.Layers[^1].Modules;
        return Dependencies.Value.Where(kv =>
            CloudModules.ModuleOf(kv.Key.Namespace) is { } m
            && CloudModules.Order.Contains(m) && m != "Storage" && !host.Contains(m)
            && !kv.Key.Name.StartsWith('<'));
    }

    private static IEnumerable<string> IoUses(HashSet<string> used) =>
        used.Where(u => IoTypePrefixes.Any(p => u.StartsWith(p, StringComparison.Ordinal))).Order(StringComparer.Ordinal);
}
