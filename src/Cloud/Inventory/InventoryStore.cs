using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Protocol.Contracts;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Inventory;

/// <summary>Stores a site's inventory as its config changes; refuses configs that go backwards.</summary>
internal sealed class InventoryStore(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    public async Task<InventoryChanges> ApplyConfigAsync(SiteConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        if (!await db.Sites.AnyAsync(s => s.Id == config.SiteId, cancellationToken))
        {
            throw new InventoryException($"Unknown site '{config.SiteId}'.");
        }

        var state = await db.Set<SiteInventoryState>().FindAsync([config.SiteId], cancellationToken);
        if (state is not null && config.Version <= state.ConfigVersion)
        {
            throw new InventoryException($"Config version {config.Version} is not newer than the stored version {state.ConfigVersion}.");
        }

        var now = time.GetUtcNow();
        if (state is null)
        {
            state = new SiteInventoryState { SiteId = config.SiteId };
            db.Add(state);
        }

        (state.ConfigVersion, state.UpdatedAt) = (config.Version, now);
        (state.HeartbeatIntervalS, state.ClockDriftToleranceS) = (config.Checks.HeartbeatIntervalS, config.Checks.ClockDriftToleranceS);
        var devices = await db.Set<InventoryDevice>().Where(d => d.SiteId == config.SiteId).ToListAsync(cancellationToken);
        var known = devices.Count;
        InventoryChanges changes;
        try
        {
            changes = InventorySyncRules.Apply(config, devices, now);
        }
        catch (ArgumentException ex)
        {
            throw new InventoryException(ex.Message);
        }

        db.AddRange(devices.Skip(known));
        await db.SaveChangesAsync(cancellationToken);
        return changes;
    }

    public async Task<SiteConfig?> ConfigAsync(string siteId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var state = await db.Set<SiteInventoryState>().AsNoTracking().SingleOrDefaultAsync(s => s.SiteId == siteId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var devices = await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId == siteId).ToListAsync(cancellationToken);
        return InventorySyncRules.ToConfig(siteId, state, devices);
    }

    public async Task<List<InventoryDevice>> DevicesAsync(string siteId, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Set<InventoryDevice>().AsNoTracking().Where(d => d.SiteId == siteId).OrderBy(d => d.DeviceId).ToListAsync(cancellationToken);
    }

    public async Task<bool> SetWarrantyAsync(string siteId, string deviceId, DateOnly? unit, DateOnly? mainParts, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var device = await db.Set<InventoryDevice>().SingleOrDefaultAsync(d => d.SiteId == siteId && d.DeviceId == deviceId, cancellationToken);
        if (device is null)
        {
            return false;
        }

        (device.WarrantyUntil, device.MainPartsWarrantyUntil) = (unit, mainParts);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
