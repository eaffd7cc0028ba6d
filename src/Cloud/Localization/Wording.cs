using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Localization;

/// <summary>
/// The cloud's words for what it writes outside a request — report PDFs, mail, notifications — and
/// the language each reader gets (<see cref="CultureRules"/>). A request's pages and the job sheet use the
/// request culture instead; both read the same <see cref="Strings"/> (docs/localization.md).
/// </summary>
public sealed class Wording(IStringLocalizer<Strings> text, IOptions<CultureOptions> options)
{
    /// <summary>The words, in whatever culture is current: write inside <see cref="For"/> or <see cref="ForCompany"/>.</summary>
    public IStringLocalizer Text => text;

    /// <summary>Switches to the reader's language: the user's own choice, else the company's.</summary>
    public CultureScope For(string? userCulture, string? tenantId) => CultureScope.Use(CultureRules.ForRecipient(userCulture, tenantId, options.Value));

    /// <summary>Switches to the company's language, for its customers (who have no account) and its roles.</summary>
    public CultureScope ForCompany(string? tenantId) => CultureScope.Use(CultureRules.ForTenant(tenantId, options.Value));
}
