namespace AfterSales.Cloud.Localization;

/// <summary>The language used where nobody chose one: pages before sign-in, PDFs and mail to customers.</summary>
public sealed class CultureOptions
{
    public const string Section = "Localization";

    /// <summary><c>zh-CN</c> (the default) or <c>en</c>.</summary>
    public string DefaultCulture { get; set; } = Cultures.Chinese;
}
