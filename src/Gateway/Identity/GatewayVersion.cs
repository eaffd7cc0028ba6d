using System.Reflection;

namespace AfterSales.Gateway.Identity;

internal static class GatewayVersion
{
    /// <summary>Reported in the status message so the cloud knows which build each site runs.</summary>
    public static string Current { get; } =
        typeof(GatewayVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "0.0.0";
}
