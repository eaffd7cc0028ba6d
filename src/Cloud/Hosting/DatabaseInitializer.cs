using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Hosting;

/// <summary>
/// Runs first at start-up: brings the schema up to date, then applies the configured seed.
/// Registered before the broker and ingest so neither sees a half-made database.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IDbContextFactory<CloudDb> dbs,
    IOptions<SeedOptions> seed,
    TimeProvider time,
    ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // The inbox writer and the desk write at the same time as pages read: with the write-ahead
            // log readers never block the writer, and a commit is one append (synchronous stays FULL,
            // so a committed — acknowledged — event survives a crash or power loss). Kept by the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ApplySeedAsync(db, seed.Value, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ApplySeedAsync(CloudDb db, SeedOptions seedOptions, CancellationToken cancellationToken)
    {
        foreach (var centre in seedOptions.Centres)
        {
            Require(SiteIds.IsValid(centre.Id), $"Seed:Centres: id '{centre.Id}' is not a valid identifier");
            // The seed only bootstraps: what exists (an admin may have changed it) is never overwritten.
            if (await db.ServiceCentres.FindAsync([centre.Id], cancellationToken) is null)
            {
                db.ServiceCentres.Add(centre);
            }
        }

        foreach (var site in seedOptions.Sites)
        {
            Require(SiteIds.IsValid(site.Id), $"Seed:Sites: id '{site.Id}' is not a valid site id");
            if (await db.Sites.FindAsync([site.Id], cancellationToken) is null)
            {
                db.Sites.Add(site);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var gateway in seedOptions.Gateways)
        {
            await SeedGatewayAsync(db, gateway, cancellationToken);
        }

        foreach (var key in seedOptions.ApiKeys)
        {
            Require(ApiKeyRoles.IsKnown(key.Role), $"Seed:ApiKeys: '{key.Name}' has role '{key.Role}'; use one of {string.Join(", ", ApiKeyRoles.All)}");
            Require(key.Key.Length >= 20, $"Seed:ApiKeys: '{key.Name}' key is shorter than 20 characters");
            var hash = ApiKeyHasher.Hash(key.Key);
            if (!await db.ApiKeys.AnyAsync(k => k.KeyHash == hash, cancellationToken))
            {
                db.ApiKeys.Add(new ApiKey { Name = key.Name, Role = key.Role, TenantId = key.TenantId, KeyHash = hash, CreatedAt = time.GetUtcNow() });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await DeskSeeder.ApplyAsync(db, seedOptions, cancellationToken);
        LogSeeded(log, seedOptions.Centres.Count, seedOptions.Sites.Count, seedOptions.Gateways.Count);
    }

    private static async Task SeedGatewayAsync(CloudDb db, GatewaySeed gateway, CancellationToken cancellationToken)
    {
        Require(SiteIds.IsValid(gateway.Id), $"Seed:Gateways: id '{gateway.Id}' is not a valid gateway id");
        var hashed = !string.IsNullOrEmpty(gateway.SecretHash);
        Require(hashed || gateway.Secret.Length >= 8, $"Seed:Gateways: '{gateway.Id}' needs a SecretHash (`gateway-secret-hash` prints one) or a Secret of at least 8 characters");
        Require(!hashed || GatewaySecrets.IsHash(gateway.SecretHash!), $"Seed:Gateways: '{gateway.Id}' SecretHash is not a gateway-secret-hash (pbkdf2-sha512) hash");
        Require(await db.Sites.AnyAsync(s => s.Id == gateway.SiteId, cancellationToken), $"Seed:Gateways: '{gateway.Id}' names unknown site '{gateway.SiteId}'");
        if (await db.Gateways.FindAsync([gateway.Id], cancellationToken) is null)
        {
            db.Gateways.Add(new RegisteredGateway { Id = gateway.Id, SiteId = gateway.SiteId, SecretHash = hashed ? gateway.SecretHash! : GatewaySecrets.Hash(gateway.Secret) });
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException(message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready; seed applied: {Centres} centres, {Sites} sites, {Gateways} gateways")]
    private static partial void LogSeeded(ILogger logger, int centres, int sites, int gateways);
}
