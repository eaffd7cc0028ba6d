using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// The channel choices of each person (docs/service-rules.md §7.2), and the messages the dispatcher looks through,
/// each of one service company: another company's routes and messages are not there for the caller (docs/security.md, "Tenants").
/// </summary>
internal sealed class NotificationRouteStore(IDbContextFactory<CloudDb> dbs, TimeProvider time)
{
    public async Task<List<NotificationRoute>> RoutesAsync(string tenantId, string? recipient, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.NotificationRoutes.AsNoTracking()
            .Where(r => r.TenantId == tenantId && (recipient == null || r.Recipient == recipient))
            .OrderBy(r => r.Recipient).ThenBy(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Adds a route; a route with the same recipient, kind, channel and address is replaced, not doubled (a phone subscribing again).</summary>
    /// <exception cref="ArgumentException">The address cannot carry this channel; the message says why.</exception>
    public async Task<NotificationRoute> AddAsync(string tenantId, string recipient, NoticeKind? kind, NotificationChannel channel, string address, string? secret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recipient))
        {
            throw new ArgumentException("Say who the route is for (technician:ID, supervisor, dispatcher or customer:SITE).", nameof(recipient));
        }

        address = address?.Trim() ?? string.Empty;
        if (NotificationRoutingRules.Refuse(channel, address) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(address));
        }

        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var same = await db.NotificationRoutes.Where(r => r.TenantId == tenantId && r.Recipient == recipient && r.Kind == kind && r.Channel == channel && r.Address == address).ToListAsync(cancellationToken);
        db.NotificationRoutes.RemoveRange(same);
        var route = new NotificationRoute { TenantId = tenantId, Recipient = recipient.Trim(), Kind = kind, Channel = channel, Address = address, Secret = string.IsNullOrWhiteSpace(secret) ? null : secret.Trim(), CreatedAt = time.GetUtcNow() };
        db.NotificationRoutes.Add(route);
        await db.SaveChangesAsync(cancellationToken);
        return route;
    }

    /// <summary>Removes one of the company's routes; false (404) for another company's, as for one that does not exist.</summary>
    public async Task<bool> RemoveAsync(string tenantId, long id, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.NotificationRoutes.Where(r => r.Id == id && r.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken) == 1;
    }

    /// <summary>The latest messages, failed ones first, with their deliveries.</summary>
    public async Task<List<Notification>> RecentAsync(string tenantId, long? ticketId, int take, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.AsNoTracking().Include(n => n.Deliveries)
            .Where(n => n.TenantId == tenantId && (ticketId == null || n.TicketId == ticketId))
            .OrderByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
    }
}
