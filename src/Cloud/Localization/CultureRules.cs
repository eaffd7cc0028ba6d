namespace AfterSales.Cloud.Localization;

/// <summary>
/// Pure: the one place that decides which language a PDF, a mail or a notification is written in
/// (docs/localization.md, "Who sees which language"): the reader's own choice when the reader is a
/// user who made one, else the service company's language, else the cloud's default (zh-CN)
/// (docs/service-rules.md §8.3).
/// </summary>
public static class CultureRules
{
    public static string ForRecipient(string? userCulture, string? tenantId, CultureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Cultures.Resolve(userCulture) ?? ForTenant(tenantId, options);
    }

    /// <summary>The service company's language: what its customers' reports and mails are written in.</summary>
    public static string ForTenant(string? tenantId, CultureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var own = tenantId is not null && options.Tenants.TryGetValue(tenantId, out var name) ? Cultures.Resolve(name) : null;
        return own ?? Cultures.Resolve(options.DefaultCulture) ?? Cultures.Chinese;
    }
}
