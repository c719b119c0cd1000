namespace Sked.Workflows.Web.Components.Layout;

/// <summary>
/// A staff page whose content the server already renders into the first HTML answer, so a member sees it
/// while the live connection starts (issue 17, point 9: the inbox's first rows). The staff layout shows
/// that content inert: nothing in it can be clicked or typed in until the connection is up. Only pages
/// that read what they show on the server and keep it for the live render (PersistentState) carry it;
/// every other staff page shows the progress bar until it is live.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShownWhileConnectingAttribute : Attribute;
