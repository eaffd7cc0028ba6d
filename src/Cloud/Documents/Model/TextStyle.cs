namespace AfterSales.Cloud.Documents.Model;

/// <summary>How a paragraph reads; each renderer maps it to its own size and face.</summary>
public enum TextStyle
{
    /// <summary>The opening summary, a little larger than the rest.</summary>
    Lead,
    Body,

    /// <summary>Detail under a heading, before its table.</summary>
    Small,

    /// <summary>A small italic remark on how a figure is measured.</summary>
    Note,

    /// <summary>The customer's own words, or a closing line: italic.</summary>
    Quote,
}
