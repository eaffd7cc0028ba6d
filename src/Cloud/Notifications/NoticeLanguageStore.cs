using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// The language a notification is written in, decided here and nowhere else (docs/localization.md):
/// a technician who signs in reads the language he chose for his account; everyone else — customers,
/// the supervisor and dispatcher roles, a technician without an account — reads the company's (zh-CN
/// unless configured otherwise). Asked when the message is queued (its text) and when it is sent (the
/// channel's title and link line), so both halves of a message speak one language.
/// </summary>
internal sealed class NoticeLanguageStore(Wording words)
{
    // A technician's account language, read once per unit of work: a desk batch offers one
    // technician several jobs. A change of language is seen by the next unit of work.
    private readonly UnitOfWorkMemo<string, (string? Culture, string? TenantId)> _accounts = new();

    public IStringLocalizer Text => words.Text;

    /// <param name="tenantId">The company the message is about, when the caller knows it (a customer's site).</param>
    public CultureScope Use(CloudDb db, string recipient, string? tenantId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(recipient);
        // Synchronous on purpose: called inside the caller's unit of work, which holds no other query open.
        var reader = Recipients.TechnicianId(recipient) is { } technicianId
            ? _accounts.GetOrRead(db, technicianId, () => db.Users.AsNoTracking().Where(u => u.TechnicianId == technicianId && !u.Disabled)
                .OrderBy(u => u.Id).Select(u => new { u.Culture, u.TenantId }).FirstOrDefault() is { } account ? (account.Culture, account.TenantId) : default)
            : default;
        return words.For(reader.Culture, reader.TenantId ?? tenantId);
    }
}
