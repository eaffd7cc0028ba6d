using AfterSales.Cloud.Broker;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// <c>mosquitto-files</c>: Mosquitto's password and ACL files from the configured database's gateway
/// registry and the cloud's own broker credential (<c>Broker:Username</c> / <c>Broker:Password</c>).
/// </summary>
internal static class MosquittoFilesExport
{
    public const string PasswdName = "passwd";
    public const string AclName = "acl";

    /// <summary>Owner read/write, group read: Mosquitto drops to its own user before reading them, so they are given its group (docs/security.md).</summary>
    private const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;

    public static async Task<int> RunAsync(string[] hostArgs, string directory, CancellationToken cancellationToken)
    {
        var app = CloudHost.Build(hostArgs, logsToStandardError: true);
        var broker = app.Services.GetRequiredService<IOptions<BrokerOptions>>().Value;
        if (string.IsNullOrWhiteSpace(broker.Username) || string.IsNullOrEmpty(broker.Password))
        {
            await Console.Error.WriteLineAsync("Configuration error: Broker:Username and Broker:Password (the cloud's own user on Mosquitto) must be set, as for running the cloud against Mosquitto.");
            return CloudCommandLine.ConfigurationError;
        }

        List<MosquittoGateway> gateways;
        var dbs = app.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        // The database as the service finds it at start: migrated, and the configured seed (gateways included) applied.
        await app.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>().Single().StartAsync(cancellationToken);
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            gateways = await db.Gateways.AsNoTracking().Select(g => new MosquittoGateway(g.Id, g.SiteId, g.SecretHash)).ToListAsync(cancellationToken);
        }

        var files = MosquittoFilesComposer.Compose(
            broker.Username, GatewaySecrets.AsMosquittoHash(GatewaySecrets.Hash(broker.Password))!, gateways, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Directory.CreateDirectory(directory);
        ProtectedFileStore.Write(Path.Combine(directory, PasswdName), System.Text.Encoding.UTF8.GetBytes(files.Passwd), Mode);
        ProtectedFileStore.Write(Path.Combine(directory, AclName), System.Text.Encoding.UTF8.GetBytes(files.Acl), Mode);
        Console.WriteLine($"Wrote {Path.Combine(directory, PasswdName)} and {Path.Combine(directory, AclName)}: the cloud's user '{broker.Username}' and {files.Gateways} gateway(s).");
        foreach (var skipped in files.Skipped)
        {
            await Console.Error.WriteLineAsync("Left out " + skipped);
        }

        Console.WriteLine("In mosquitto.conf: password_file and acl_file naming them, allow_anonymous false; then reload Mosquitto (SIGHUP) to apply.");
        return files.Skipped.Count == 0 ? 0 : 1;
    }
}
