using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Gateway.Enrolment;

/// <summary>
/// Writes the grant into gateway.json: identity and broker fields are set, everything else the
/// installer already configured (inputs, panels, cameras…) is kept as it was. Pure: text in, text out.
/// </summary>
internal static class EnrolledConfig
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Merge(string? existing, EnrolmentGrant grant, string? caCertificatePath)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var root = existing is { Length: > 0 } ? JsonNode.Parse(existing) as JsonObject ?? throw new JsonException("the file does not hold a JSON object") : [];
        root["siteId"] = grant.SiteId;
        root["gatewayId"] = grant.GatewayId;
        var broker = root["broker"] as JsonObject ?? [];
        root["broker"] = broker;
        broker["host"] = grant.BrokerHost;
        broker["port"] = grant.BrokerPort;
        broker["useTls"] = grant.BrokerUseTls;
        broker["username"] = grant.Username;
        broker["password"] = grant.Password;
        if (caCertificatePath is not null)
        {
            broker["caCertificate"] = caCertificatePath;
        }
        else
        {
            broker.Remove("caCertificate");
        }

        return root.ToJsonString(Indented);
    }
}
