namespace AfterSales.Cloud.Tests.Architecture;

/// <summary>
/// The cloud's modules from the bottom up, as drawn in docs/architecture.md. A module may use the
/// modules listed before it and never one listed after it, so dependencies point one way and no
/// two modules can import each other. A new folder under src/Cloud must be given its place here.
/// </summary>
internal static class CloudModules
{
    public const string Root = "AfterSales.Cloud";

    /// <summary>Razor compiles the .cshtml views of Web/Pages into this namespace.</summary>
    public const string RazorViews = "AspNetCoreGeneratedDocument";

    public static readonly IReadOnlyList<(string Layer, string[] Modules)> Layers =
    [
        ("platform", ["Telemetry", "Localization", "Storage", "Calendar", "Documents", "Mail", "Mqtt"]),
        ("reference data and policy", ["Auth", "Notifications", "Sla", "Sites", "Contracts", "Inventory", "Dispatch", "Parts"]),
        ("service desk", ["Tickets", "Presence", "Ingest", "Broker", "Provisioning"]),
        ("follow-up", ["Feedback", "Inspections", "Jobs", "Kpis", "Reports"]),
        ("host", ["Api", "Web", "Demo", "Hosting"]),
    ];

    public static readonly string[] Order = [.. Layers.SelectMany(l => l.Modules)];

    /// <summary>The module a namespace belongs to: its first segment under <see cref="Root"/>; null outside the cloud.</summary>
    public static string? ModuleOf(string ns)
    {
        if (ns == RazorViews)
        {
            return "Web";
        }

        if (ns == Root)
        {
            return "(composition root)";
        }

        return ns.StartsWith(Root + ".", StringComparison.Ordinal) ? ns[(Root.Length + 1)..].Split('.')[0] : null;
    }

    public static string? ModuleOfType(string fullName) =>
        fullName.LastIndexOf('.') is var dot and > 0 ? ModuleOf(fullName[..dot]) : null;
}
