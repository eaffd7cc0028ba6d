namespace AfterSales.Cloud.Inventory;

/// <summary>A config the inventory refuses, with the reason shown to the caller.</summary>
public sealed class InventoryException(string message) : Exception(message)
{
    public InventoryException()
        : this("The inventory refused the change.")
    {
    }

    public InventoryException(string message, Exception inner)
        : this(message + " " + inner?.Message)
    {
    }
}
