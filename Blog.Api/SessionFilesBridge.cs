// The session files (Infrastructure/Sessions) still import the namespace Blog.Features.Common had before it was split
// by concern; they are being rewritten on their own. Until that lands, these names reach them here. Remove this file
// and the IDE0005 exception for Infrastructure/Sessions in .editorconfig together, once those files import the new
// namespaces themselves.
global using ICurrentUser = Blog.Features.Common.Users.ICurrentUser;
global using IDbConnectionFactory = Blog.Features.Common.Data.IDbConnectionFactory;
