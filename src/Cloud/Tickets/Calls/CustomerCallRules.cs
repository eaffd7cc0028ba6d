using AfterSales.Cloud.Auth;
using AfterSales.Cloud.Notifications;
using AfterSales.Cloud.Sites;

namespace AfterSales.Cloud.Tickets.Calls;

/// <summary>What a recorded call must carry before it may open a ticket (docs/service-rules.md §2.15).</summary>
internal static class CustomerCallRules
{
    /// <summary>A call recorded later than this after it came in is more likely a mistake than a late entry.</summary>
    public const int MaxMinutesAgo = 24 * 60;

    /// <summary>Every problem with the form, each in words the dispatcher can act on; empty when it is complete.</summary>
    public static IReadOnlyList<string> Problems(CustomerCallForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(form.SiteId))
        {
            problems.Add("Choose the customer's site.");
        }

        if (string.IsNullOrWhiteSpace(form.DeviceId) && form.DeviceKind is null)
        {
            problems.Add("Choose the device, or at least what kind of device it is.");
        }

        if (string.IsNullOrWhiteSpace(form.Symptom))
        {
            problems.Add("Write down what the caller sees (the symptom).");
        }
        else if (form.Symptom.Length > CustomerCall.SymptomMaxLength)
        {
            problems.Add($"The symptom is limited to {CustomerCall.SymptomMaxLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(form.CallerName))
        {
            problems.Add("Write down who called.");
        }

        if (NotificationRoutingRules.Refuse(NotificationChannel.Sms, form.CallbackPhone) is { } phone)
        {
            problems.Add("Callback number: " + phone);
        }

        if (form.MinutesAgo is < 0 or > MaxMinutesAgo)
        {
            problems.Add($"The call came in between 0 and {MaxMinutesAgo} minutes ago.");
        }

        return problems;
    }

    /// <summary>The ticket's device when the caller could not name one: one open ticket per site and kind collects such calls.</summary>
    public static string UnnamedDevice(AfterSales.Protocol.Faults.DeviceKind kind) => "reported-" + kind.ToString().ToLowerInvariant();

    /// <summary>
    /// A customer reports only for the sites of their own customer (another's is refused like an unknown site);
    /// staff record calls for any site of their company.
    /// </summary>
    public static bool MayReportFor(DeskUser user, Site site)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(site);
        return site.TenantId == user.TenantId && (user.Role != ApiKeyRoles.Customer || (user.Customer is not null && site.Customer == user.Customer));
    }

    /// <summary>
    /// When the SLA clock starts: a dispatcher may date a call back (he records it after hanging up); a customer's
    /// own report from the portal starts the clock at the moment it is sent, whatever the form says.
    /// </summary>
    public static DateTimeOffset CalledAt(CustomerCallForm form, DeskUser user, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(user);
        return user.Role == ApiKeyRoles.Customer ? now : now - TimeSpan.FromMinutes(form.MinutesAgo);
    }
}
