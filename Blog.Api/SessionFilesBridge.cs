// The session files (Infrastructure/Sessions) still import the namespaces in which Blog.Features.Common and
// Infrastructure/Database held these types before the data and users code found its folders; those files are being
// rewritten on their own. Until that lands, these names reach them here. Remove this file and the IDE0005 exception
// for Infrastructure/Sessions in .editorconfig together, once those files import the new namespaces themselves.
global using ICurrentUser = Blog.Features.Common.Users.ICurrentUser;
global using IDbConnectionFactory = Blog.Features.Common.Data.IDbConnectionFactory;
global using PreparedQuery = Blog.Features.Common.Data.Sqlite.PreparedQuery;
global using UtcDateTimeHandler = Blog.Features.Common.Data.Sqlite.UtcDateTimeHandler;
