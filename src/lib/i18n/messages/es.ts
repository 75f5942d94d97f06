import type { Messages } from './en';

const es: Messages = {
  appName: 'Folio',
  skipToContent: 'Saltar al contenido',
  home: 'Últimos artículos',
  latestHeading: 'Últimos artículos',
  loadingArticles: 'Cargando artículos…',
  noArticles: 'Todavía no hay artículos.',
  noArticlesOffline:
    'Aún no hay artículos guardados. Conéctese a internet una vez para descargarlos.',
  by: 'Por',
  categories: 'Categorías',
  published: 'Publicado',
  readMore: 'Leer el artículo',
  backToList: 'Volver a los últimos artículos',
  notFoundTitle: 'Página no encontrada',
  notFoundText: 'No hay nada en esta dirección.',
  articleNotFoundTitle: 'Artículo no encontrado',
  articleNotFoundText: 'Este artículo no está en el feed guardado. Puede que se haya retirado.',
  bodyNotSaved: 'El texto completo de este artículo aún no se ha guardado.',
  bodyNotSavedOffline:
    'El texto completo de este artículo no se guardó antes de quedarse sin conexión.',
  comments: (count: number) => (count === 1 ? '1 comentario' : `${count} comentarios`),
  commentsClosed: 'Los comentarios están cerrados.',
  inReplyTo: (name: string) => `En respuesta a ${name}`,
  languageFallback: (wanted: string, shown: string) =>
    `No disponible en ${wanted}: se muestra en ${shown}`,
  statusSyncing: 'Actualizando…',
  statusSyncingProgress: (done: number, total: number) =>
    `Guardando artículos: ${done} de ${total}`,
  statusFresh: (when: string) => `Al día · actualizado ${when}`,
  statusOffline: (when: string) => `Sin conexión: se muestran los artículos guardados ${when}`,
  statusOfflineNever: 'Sin conexión: aún no hay nada guardado',
  statusError: (message: string) => `No se pudo actualizar: ${message}`,
  statusKept: 'Sus artículos guardados siguen aquí.',
  statusSkipped: (count: number) =>
    count === 1 ? 'No se pudo cargar 1 artículo' : `No se pudieron cargar ${count} artículos`,
  statusNever: 'Aún sin actualizar',
  retry: 'Reintentar',
  navMain: 'Principal',
  navBookmarks: 'Marcadores',
  navSettings: 'Ajustes',
  parallelTitle: 'En paralelo',
  // — categories —
  // — languages —
  // — parallel reading —
  // — bookmarks —
  // — reading comfort —
};

export default es;
