using System.Globalization;

namespace AfterSales.Cloud.Localization;

/// <summary>
/// Runs work outside a web request (a PDF, a mail, a notification) in a chosen culture and
/// restores the caller's afterwards; async continuations inherit it through the execution context.
/// </summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo _culture;

    private readonly CultureInfo _uiCulture;

    private CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public static CultureScope Use(string? name) => new(Cultures.Get(name));

    public void Dispose()
    {
        if (_culture is not null)
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
