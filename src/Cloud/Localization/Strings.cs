namespace AfterSales.Cloud.Localization;

/// <summary>
/// The one resource set of the cloud's words: pages, PDFs, mail and notifications ask
/// <c>IStringLocalizer&lt;Strings&gt;</c>. A key is the English text; <c>Strings.zh-CN.resx</c>
/// holds its Chinese (docs/localization.md, "Adding a string").
/// </summary>
public sealed class Strings;
