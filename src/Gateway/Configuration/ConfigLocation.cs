namespace AfterSales.Gateway.Configuration;

/// <summary>Where gateway.json is: the <c>--config</c> flag, else the environment variable, else the packaged default.</summary>
internal static class ConfigLocation
{
    public const string DefaultPath = "/etc/aftersales/gateway.json";
    public const string EnvironmentVariable = "AFTERSALES_GATEWAY_CONFIG";

    public static string Resolve(string? flag, string? environment) =>
        flag ?? (string.IsNullOrWhiteSpace(environment) ? DefaultPath : environment);
}
