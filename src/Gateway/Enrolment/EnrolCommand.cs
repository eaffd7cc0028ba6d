using System.Text;
using System.Text.Json;
using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Enrolment;

/// <summary>
/// <c>enroll --cloud URL --token T</c>: trades the administrator's one-time token for this board's
/// credentials and writes them into gateway.json (0640: the service's group may read it, nobody else)
/// and the broker's CA certificate beside it. Nothing is written unless the result is a valid configuration.
/// Exit 0 enrolled, 1 refused or unreachable (the message says why), 2 bad command line or configuration.
/// </summary>
internal static class EnrolCommand
{
    public const int Refused = 1;

    /// <summary>The same code as the gateway's other commands give for a configuration they cannot use.</summary>
    public const int BadConfiguration = 2;

    /// <summary>rw-r-----: the password inside is for the gateway's own user and group.</summary>
    private const UnixFileMode SecretFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public static async Task<int> RunAsync(Uri cloud, string token, string configPath, TextWriter output, TextWriter error, HttpMessageHandler? handler, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await EnrolmentClient.EnrolAsync(cloud, token.Trim(), handler, cancellationToken);
        if (grant is null)
        {
            await error.WriteLineAsync($"Enrolment refused: {refusal}");
            return Refused;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(configPath))!;
        var caPath = grant.CaCertificatePem is null ? null : Path.Combine(directory, "broker-ca.pem");
        string merged;
        try
        {
            var existing = File.Exists(configPath) ? await File.ReadAllTextAsync(configPath, cancellationToken) : null;
            merged = EnrolledConfig.Merge(existing, grant, caPath);
        }
        catch (JsonException ex)
        {
            await error.WriteLineAsync($"{configPath}: cannot add the credentials, the file is not valid JSON: {ex.Message}. Fix or remove it and enrol again with a new token.");
            return BadConfiguration;
        }

        Directory.CreateDirectory(directory);
        if (caPath is not null)
        {
            await WriteAsync(caPath, grant.CaCertificatePem!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, cancellationToken);
        }

        var check = GatewayConfigLoader.Parse(Encoding.UTF8.GetBytes(merged), Path.GetFileName(configPath));
        if (!check.IsValid)
        {
            await error.WriteLineAsync($"Enrolled, but the resulting configuration is not valid, so {configPath} was left unchanged: {check.Error}");
            return BadConfiguration;
        }

        await WriteAsync(configPath, merged, SecretFileMode, cancellationToken);
        await output.WriteLineAsync($"Enrolled gateway {grant.GatewayId} for site {grant.SiteId} ({grant.SiteName}); broker {grant.BrokerHost}:{grant.BrokerPort}{(grant.BrokerUseTls ? " (TLS)" : string.Empty)}. Wrote {configPath}.");
        return 0;
    }

    /// <summary>Written to a temporary file created with its final mode, then renamed: the secret is never readable by others, not even for a moment.</summary>
    private static async Task WriteAsync(string path, string text, UnixFileMode mode, CancellationToken cancellationToken)
    {
        var temporary = path + ".new";
        File.Delete(temporary);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = mode;
        }

        await using (var stream = new FileStream(temporary, options))
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // The umask may have taken bits off at creation; the mode is set exactly.
            File.SetUnixFileMode(temporary, mode);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
