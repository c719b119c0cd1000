namespace Sked.Workflows.Infrastructure.Demo;

/// <summary>Demo__Enabled (on for the README's run command, off in Production) and Demo__Cases.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";
    public const string Password = "Sked-Demo-1404";

    public bool Enabled { get; set; }

    /// <summary>How many demo cases to create on an empty database.</summary>
    public int Cases { get; set; } = 300;
}
