// Videos the browser tests create through the API: three about cooking, which a query such as "cooking" ranks.
export const COOKING_VIDEOS = [
  {
    title: 'Cooking pasta at home',
    description: 'A quick weeknight pasta recipe with garlic, olive oil and chilli.',
    duration: 420,
    tags: ['cooking', 'pasta'],
  },
  {
    title: 'Baking sourdough bread',
    description: 'Cooking with wild yeast: feeding a starter, shaping and baking the loaf.',
    duration: 1260,
    tags: ['cooking', 'baking'],
  },
  {
    title: 'Quick cooking tips',
    description: 'Knife skills and cooking shortcuts in under a minute.',
    duration: 45,
    tags: ['cooking'],
  },
];
