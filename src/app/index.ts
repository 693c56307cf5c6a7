export * from './identity';
export * from './container-image';
export * from './sign-in';
export * from './chat-web-app';
export * from './autoscale';
export * from './front-end';
