using AfterSales.Cloud.Localization;
using AfterSales.Cloud.Notifications;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>The cloud's words as the host wires them, for services a test builds by hand; <paramref name="culture"/> is the company's language.</summary>
internal static class TestWording
{
    private static readonly ResourceManagerStringLocalizerFactory Factory = new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static Wording In(string culture) => new(new StringLocalizer<Strings>(Factory), Options.Create(new CultureOptions { DefaultCulture = culture }));

    public static NoticeLanguageStore Notices(string culture) => new(In(culture));
}
