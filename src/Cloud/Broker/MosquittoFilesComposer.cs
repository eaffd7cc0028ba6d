using System.Globalization;
using System.Text;
using AfterSales.Protocol.Topics;

namespace AfterSales.Cloud.Broker;

/// <summary>One registered gateway as Mosquitto's files need it.</summary>
public sealed record MosquittoGateway(string GatewayId, string SiteId, string SecretHash);

/// <summary>Mosquitto's password file and ACL file, and the gateways left out of them with the reason.</summary>
public sealed record MosquittoFiles(string Passwd, string Acl, int Gateways, IReadOnlyList<string> Skipped);

/// <summary>
/// Writes the rule the embedded broker enforces (<see cref="EmbeddedBrokerServer"/>) for Mosquitto: each
/// gateway logs in as itself and may publish only its own site's events, status and heartbeat and read
/// only its own site's config; the cloud's user reads every site's messages and writes configs
/// (docs/security.md, "Mosquitto"). No <c>pattern</c> lines and no anonymous access: a user without a
/// block may do nothing.
/// </summary>
public static class MosquittoFilesComposer
{
    public static MosquittoFiles Compose(string cloudUser, string cloudMosquittoHash, IEnumerable<MosquittoGateway> gateways, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(cloudUser);
        ArgumentNullException.ThrowIfNull(cloudMosquittoHash);
        ArgumentNullException.ThrowIfNull(gateways);
        if (!IsSafe(cloudUser))
        {
            throw new ArgumentException($"The cloud's broker user '{cloudUser}' must be letters, digits, '.', '_' or '-' only.", nameof(cloudUser));
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"# Written by `AfterSales.Cloud mosquitto-files` from the gateway registry at {now:u}. Do not edit: run it again.\n");
        var passwd = new StringBuilder(header).Append(cloudUser).Append(':').Append(cloudMosquittoHash).Append('\n');
        var acl = new StringBuilder(header)
            .Append("\n# The cloud: reads every site's messages (also through a shared subscription), writes each site's config.\n")
            .Append("user ").Append(cloudUser).Append('\n')
            .Append("topic read ").Append(MqttTopics.Root).Append("/#\n")
            .Append("topic read $share/+/").Append(MqttTopics.Root).Append("/#\n")
            .Append("topic write ").Append(MqttTopics.AllSites(TopicKind.Config)).Append('\n');
        var skipped = new List<string>();
        var written = 0;
        foreach (var gateway in gateways.OrderBy(g => g.GatewayId, StringComparer.Ordinal))
        {
            if (Refusal(gateway, cloudUser) is { } reason)
            {
                skipped.Add($"{gateway.GatewayId}: {reason}");
                continue;
            }

            passwd.Append(gateway.GatewayId).Append(':').Append(Sites.GatewaySecrets.AsMosquittoHash(gateway.SecretHash)).Append('\n');
            acl.Append("\n# Gateway ").Append(gateway.GatewayId).Append(" of site ").Append(gateway.SiteId).Append(": its own site only.\n")
                .Append("user ").Append(gateway.GatewayId).Append('\n')
                .Append("topic write ").Append(MqttTopics.Events(gateway.SiteId)).Append('\n')
                .Append("topic write ").Append(MqttTopics.Status(gateway.SiteId)).Append('\n')
                .Append("topic write ").Append(MqttTopics.Heartbeat(gateway.SiteId)).Append('\n')
                .Append("topic read ").Append(MqttTopics.Config(gateway.SiteId)).Append('\n');
            written++;
        }

        return new MosquittoFiles(passwd.ToString(), acl.ToString(), written, skipped);
    }

    /// <summary>Why a gateway cannot be written safely, or null. An id with a newline, ':' or a wildcard would change what the files grant.</summary>
    private static string? Refusal(MosquittoGateway gateway, string cloudUser)
    {
        if (!IsSafe(gateway.GatewayId) || !IsSafe(gateway.SiteId))
        {
            return "its id or its site's id has characters other than letters, digits, '.', '_' and '-'";
        }

        if (gateway.GatewayId == cloudUser)
        {
            return "it has the cloud's own user name";
        }

        return Sites.GatewaySecrets.AsMosquittoHash(gateway.SecretHash) is null
            ? "its password hash is of the older SHA-256 scheme, which Mosquitto cannot read; give it a new enrolment token (or a new Seed secret) so it gets a new password"
            : null;
    }

    private static bool IsSafe(string id) => id.Length is > 0 and <= 128 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}
